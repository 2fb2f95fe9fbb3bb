package fr.construisons.idea;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Fills in the search text of ideas catalogued before the column {@code search_text} existed
 * (migration V9), once the database is migrated and before the web server takes requests, so the
 * idea box's search never misses them. A no-op once every row has one.
 */
@Component
class SearchTextBackfill implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(SearchTextBackfill.class);

  private final IdeaRepository catalogue;

  SearchTextBackfill(IdeaRepository catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int filled = catalogue.fillMissingSearchText();
    if (filled > 0) {
      LOG.info("Texte de recherche rempli pour {} idée(s) du catalogue", filled);
    }
  }
}
