package fr.construisons.demo;

import static fr.construisons.idea.IdeaLifecycle.*;

import fr.construisons.idea.IdeaLifecycle.Elements;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.closure.IdeaClosure;
import fr.construisons.ideabox.IdeaComments;
import fr.construisons.ideabox.IdeaSupports;
import fr.construisons.incubation.Incubation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A scheme at work on the first start of the demo profile ({@code construisons.demo.living-scheme},
 * true in application-demo.yml, absent elsewhere): thirteen ideas — the Isère scheme's own
 * examples and a few more — taken by the demo users through every stage: one waiting for its
 * call, one to reformulate, one before general management, an experiment under way and one
 * generalised, a feasibility study, an idea forwarded and half answered, an incubation under way
 * and one implemented, and the ideas that left (out of scope, not feasible, duplicate, withdrawn).
 * With supports and comments in the idea box.
 *
 * <p>Only into an empty catalogue: a node that already holds an idea (a second start, a scheme in
 * use) is never touched, so it runs once. It runs in the background after start-up, as real
 * users would, through {@link DemoActors}; the idea box fills in during the first minute.
 */
@Component
@ConditionalOnProperty(name = "construisons.demo.living-scheme", havingValue = "true")
public class LivingDemo {

  private static final Logger LOG = LoggerFactory.getLogger(LivingDemo.class);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  // The demo organisation's people (organisation/demo-organisation.yml).
  static final String CAMILLE = "camille";
  static final String TEAM = "lea";
  static final String GENERAL_MANAGEMENT = "paul";
  static final String MANAGER = "sophie";
  static final String MOBILITY = "karim";
  static final String LEGAL = "jeanne";
  static final String FINANCE = "marc";
  static final String MARKET = "ines";
  static final String USER_JOURNEY = "hugo";

  private final DemoActors actors;
  private final IdeaRepository catalogue;
  private final IdeaSupports supports;
  private final IdeaComments comments;

  LivingDemo(DemoActors actors, IdeaRepository catalogue, IdeaSupports supports, IdeaComments comments) {
    this.actors = actors;
    this.catalogue = catalogue;
    this.supports = supports;
    this.comments = comments;
  }

  private final java.util.concurrent.CompletableFuture<Boolean> outcome = new java.util.concurrent.CompletableFuture<>();

  @EventListener(ApplicationReadyEvent.class)
  void startInTheBackground() {
    Thread seeding = new Thread(() -> outcome.complete(seedIfEmpty()), "living-demo");
    seeding.setDaemon(true);
    seeding.start();
  }

  /** Whether the start-up seeding filled the scheme, once it is over. */
  public java.util.concurrent.CompletableFuture<Boolean> outcome() {
    return outcome;
  }

  /** Seeds the scheme unless the catalogue holds an idea; returns whether it did. */
  public synchronized boolean seedIfEmpty() {
    if (catalogue.count() > 0) {
      LOG.info("Démo vivante : le catalogue contient déjà des idées, rien n'est ajouté.");
      return false;
    }
    LOG.info("Démo vivante : les utilisateurs de démonstration font vivre le dispositif (une minute environ)…");
    try {
      seed();
      LOG.info("Démo vivante prête : {} idées dans la boîte à idées.", catalogue.count());
      return true;
    } catch (RuntimeException failure) {
      // The demo is a showcase: a failure must not stop the node, but must be seen.
      LOG.error("Démo vivante interrompue : {}", failure.getMessage(), failure);
      return false;
    }
  }

  private void seed() {
    String mooc = submit(CAMILLE, "Des formations en ligne de type MOOC pour les agents",
        "Les formations se tiennent à Grenoble : les agents des sites éloignés perdent une journée de trajet pour deux heures de cours, et beaucoup renoncent.",
        "Produire des formations courtes en ligne, suivies à son rythme, avec un forum animé par un formateur interne et une session de regroupement par an.",
        "Plus d'agents formés, moins de déplacements, des formations disponibles dès la prise de poste.",
        "Un studio d'enregistrement léger et deux formateurs à mi-temps pendant six mois.", true, "education", "rh");
    incubate(mooc);
    carryAndReview(mooc, List.of("LEGAL", "FINANCIAL", "MARKET_STUDY", "USER_JOURNEY"));
    actors.complete(GENERAL_MANAGEMENT, mooc, Incubation.Elements.TASK_DECIDE_IMPLEMENTATION, Map.of(
        "implementationDecision", "IMPLEMENT",
        "decisionReason", "Les quatre volets sont concluants et le coût est couvert par le plan de formation."));
    actors.complete(MANAGER, mooc, Incubation.Elements.TASK_IMPLEMENT_IDEA, Map.of("implementationReport",
        "Trois parcours en ligne ouverts : accueil des nouveaux agents, marchés publics, sécurité au travail."));
    actors.awaitEnd(mooc);

    String airbnb = submit(CAMILLE, "Un « Airbnb des collèges » pour les locaux hors temps scolaire",
        "Les salles des collèges restent vides le soir et pendant les vacances alors que des associations et des services cherchent des locaux.",
        "Une plateforme de mise en relation des offres et des demandes de locaux dans les collèges hors temps scolaire, avec une convention type.",
        "Des locaux mieux utilisés, des recettes pour les collèges, un service rendu aux associations du territoire.",
        "Une convention type, un outil de réservation et l'accord des chefs d'établissement.", true, "education", "dpm");
    incubate(airbnb);
    carryAndReview(airbnb, List.of("LEGAL"));
    actors.complete(CAMILLE, airbnb, Incubation.Elements.TASK_CARRY_WORKSTREAM, "workstream", "FINANCIAL",
        Map.of("deliverableSummary", "Budget sur trois ans : recettes de location, coût de l'outil et du ménage."));

    String procedures = submit(FINANCE, "Mesurer l'efficacité de nos procédures numériques",
        "Nous dématérialisons des démarches sans savoir si elles font gagner du temps aux usagers et aux agents, ni où ils abandonnent.",
        "Suivre pour chaque démarche en ligne le temps de traitement, le taux d'abandon et la satisfaction, dans un tableau de bord partagé.",
        "Des démarches améliorées là où elles pèchent, et des choix d'investissement fondés sur des chiffres.",
        null, false, "dsi", "dsi", "dpm");
    orient(procedures, 4, 3);

    String accorderie = submit(LEGAL, "Une Accorderie des savoir-faire entre agents",
        "Des agents maîtrisent un outil ou un savoir-faire que d'autres cherchent, mais rien ne permet de se trouver ni d'échanger ce temps.",
        "Un échange de savoir-faire professionnel dans l'esprit « une heure offerte, une heure acquise », sur un outil simple de l'intranet.",
        "Des compétences qui circulent entre directions, et des agents reconnus pour ce qu'ils savent faire.",
        "Une page de l'intranet et un animateur une demi-journée par semaine.", false, "rh", "rh");
    orient(accorderie, 4, 4);

    String parcels = submit(USER_JOURNEY, "Nos implantations comme relais-colis",
        "Les agents des sites éloignés ne peuvent pas recevoir de colis chez eux en journée et font des trajets pour les récupérer.",
        "Faire des accueils des implantations du Département des points relais pour les colis des agents et des usagers.",
        "Du temps gagné pour les agents, un service de proximité pour les habitants des communes rurales.",
        null, false, "dsi", "mobilites", "education");
    orient(parcels, 2, 4);
    actors.complete(MOBILITY, parcels, Elements.TASK_TAKE_UP_IDEA, "directorate", "mobilites", Map.of(
        "takeUpDecision", "TAKES_UP",
        "takeUpReason", "Nous l'essayons dans deux maisons du Département de l'Oisans dès le printemps."));

    String carpool = submit(MARKET, "Du covoiturage entre agents des sites isolés",
        "Les agents des sites de montagne viennent seuls en voiture, souvent sur les mêmes trajets, faute de transport en commun.",
        "Une carte des trajets domicile-travail volontairement partagés et une place réservée aux covoitureurs sur chaque site.",
        "Moins de frais et de fatigue pour les agents, moins d'émissions pour la collectivité.",
        null, false, "mobilites", "mobilites", "rh");
    actors.complete(TEAM, carpool, Elements.TASK_CLARIFY_IDEA, clarification("FITS",
        "L'agente a déjà recensé quinze collègues intéressés sur le site de Mens."));

    submit(MANAGER, "Une bourse aux fournitures entre collèges",
        "En fin d'année, des collèges jettent des fournitures et du mobilier en bon état dont d'autres collèges manquent.",
        "Une bourse d'échange entre collèges, avec une collecte groupée par le service logistique à chaque vacances.",
        "Moins de déchets, des économies d'achat, une solidarité entre établissements.",
        null, false, "education", "education");

    String helpdesk = submit(MOBILITY, "Un guichet unique pour le matériel informatique",
        "Pour un écran ou un casque, il faut trois formulaires différents et plusieurs semaines.",
        "Un seul formulaire de demande de matériel, suivi de bout en bout.",
        "Des demandes plus simples et plus rapides.",
        null, false, "mobilites", "dsi");
    actors.complete(TEAM, helpdesk, Elements.TASK_CLARIFY_IDEA, clarification("REFORMULATE",
        "Préciser quels formulaires sont concernés et les délais constatés, pour que la DSI puisse juger."));

    String compost = submit(CAMILLE, "Des composteurs partagés dans les cantines des collèges",
        "Les restes des cantines partent en ordures ménagères alors que les collèges ont des espaces verts.",
        "Installer des composteurs gérés avec les élèves volontaires et le personnel de restauration, et utiliser le compost dans les jardins.",
        "Moins de déchets, un projet pédagogique pour les élèves, du compost gratuit pour les espaces verts.",
        "Un composteur par collège et une formation d'une demi-journée.", false, "education", "education");
    orient(compost, 4, 4);
    actors.complete(CAMILLE, compost, Elements.TASK_CONDUCT_EXPERIMENT, Map.of("experimentReport",
        "Expérimenté dans trois collèges pendant un trimestre : 40 % de déchets en moins, élèves très impliqués."));
    actors.complete(TEAM, compost, Elements.TASK_ASSESS_EXPERIMENT, Map.of("experimentDecision", "GENERALISE",
        "experimentConclusion", "Résultats nets et coût faible : à étendre à tous les collèges à la rentrée."));
    actors.awaitEnd(compost);

    String video = submit(FINANCE, "La visioconférence dans toutes les salles de réunion",
        "Beaucoup de réunions mêlent des agents sur place et à distance, avec un son et une image de mauvaise qualité.",
        "Équiper toutes les salles de réunion d'un système de visioconférence fixe.",
        "Des réunions hybrides confortables et moins de déplacements.",
        null, false, "dsi", "dsi");
    orient(video, 3, 1);
    actors.complete(TEAM, video, Elements.TASK_STUDY_FEASIBILITY, Map.of("studyOutcome", "NOT_FEASIBLE",
        "studyConclusion", "Le coût dépasse le budget d'équipement de trois ans ; la DSI équipe d'abord les grandes salles.",
        "wantsToCarry", false));
    actors.awaitEnd(video);

    String relayDuplicate = submit(MARKET, "Un point relais colis à l'Hôtel du Département",
        "Les agents du siège ne peuvent pas recevoir leurs colis au bureau et les récupèrent le soir, loin.",
        "Ouvrir un point relais colis à l'accueil de l'Hôtel du Département.",
        "Du temps gagné pour les agents du siège.",
        null, false, "mobilites", "mobilites");
    // Closed once it waits for its call: before that its registration and mails are still running.
    actors.await(relayDuplicate, Elements.TASK_CLARIFY_IDEA, null, null);
    actors.start(TEAM, IdeaClosure.DUPLICATE_PROCESS_KEY, Map.of(IDEA_REFERENCE.name(), relayDuplicate,
        DUPLICATE_OF.name(), parcels));
    actors.awaitEnd(relayDuplicate);

    String shuttle = submit(LEGAL, "Une navette entre sites le vendredi",
        "Les réunions inter-sites du vendredi obligent chacun à prendre sa voiture.",
        "Une navette le vendredi entre les principaux sites du Département.",
        "Moins de voitures et des trajets partagés.",
        null, false, "rh", "mobilites");
    actors.await(shuttle, Elements.TASK_CLARIFY_IDEA, null, null);
    actors.start(LEGAL, IdeaClosure.WITHDRAWAL_PROCESS_KEY, Map.of(IDEA_REFERENCE.name(), shuttle,
        WITHDRAWAL_REASON.name(), "Les réunions du vendredi passent en visioconférence : le besoin disparaît."));
    actors.awaitEnd(shuttle);

    String gym = submit(USER_JOURNEY, "Une salle de sport pour les agents dans chaque collège",
        "Les agents n'ont pas d'endroit pour faire du sport près de leur lieu de travail.",
        "Ouvrir les gymnases des collèges aux agents le midi, avec un planning de réservation.",
        "Des agents en meilleure santé.",
        null, false, "dsi", "education", "rh");
    actors.complete(TEAM, gym, Elements.TASK_CLARIFY_IDEA, clarification("OUT_OF_SCOPE",
        "Relève de l'action sociale et de la convention avec les collèges : transmis au comité des œuvres sociales."));
    actors.awaitEnd(gym);

    // The idea box: agents support and discuss each other's ideas.
    support(mooc, MANAGER, MOBILITY, LEGAL, FINANCE, MARKET, USER_JOURNEY);
    support(airbnb, MANAGER, MOBILITY, MARKET);
    support(parcels, CAMILLE, LEGAL, MARKET, FINANCE);
    support(carpool, CAMILLE, MOBILITY, USER_JOURNEY);
    support(accorderie, CAMILLE, FINANCE);
    support(compost, MANAGER, LEGAL);
    support(procedures, TEAM);
    comments.add(mooc, MOBILITY, "Le parcours « marchés publics » m'a évité deux jours à Grenoble. Merci !");
    comments.add(mooc, LEGAL, "Pourrait-on ajouter un module sur le RGPD pour les nouveaux agents ?");
    comments.add(airbnb, MOBILITY, "Le club de randonnée de Vizille cherche justement une salle le jeudi soir.");
    comments.add(parcels, CAMILLE, "Sur le site de La Mure, l'accueil est ouvert jusqu'à 18 h : ce serait idéal.");
    comments.add(carpool, USER_JOURNEY, "Attention aux horaires décalés des agents des routes : il faut pouvoir se désinscrire facilement.");
    comments.add(accorderie, FINANCE, "Je peux proposer une heure sur les tableaux croisés dynamiques.");
  }

  private String submit(String author, String title, String problem, String solution, String benefits,
      String resourcesNeeded, boolean wantsToCarry, String directorate, String... impacted) {
    Map<String, Object> form = new HashMap<>();
    form.put(TITLE.name(), title);
    form.put(PROBLEM.name(), problem);
    form.put(SOLUTION.name(), solution);
    form.put(BENEFITS.name(), benefits);
    if (resourcesNeeded != null) {
      form.put(RESOURCES_NEEDED.name(), resourcesNeeded);
    }
    form.put(IDEATOR_DIRECTORATE.name(), directorate);
    form.put(IMPACTED_DIRECTORATES, SpinValues.jsonValue(
        "[" + String.join(",", java.util.Arrays.stream(impacted).map(code -> "\"" + code + "\"").toList()) + "]").create());
    form.put(WANTS_TO_CARRY.name(), wantsToCarry);
    form.put(SHOW_IDEATOR_NAME.name(), true);
    return actors.start(author, PROCESS_KEY, form);
  }

  private static Map<String, Object> clarification(String outcome, String notes) {
    return Map.of(CLARIFICATION_OUTCOME.name(), outcome, CLARIFICATION_NOTES.name(), notes);
  }

  /** The call confirms the idea, general management scores it and follows the recommendation. */
  private void orient(String reference, int impact, int feasibility) {
    actors.complete(TEAM, reference, Elements.TASK_CLARIFY_IDEA, clarification("FITS",
        "Appel avec l'agent : la solution répond bien au problème constaté sur le terrain."));
    actors.complete(GENERAL_MANAGEMENT, reference, Elements.TASK_SCORE_IDEA, Map.of(
        STRATEGIC_IMPACT.name(), impact, FEASIBILITY.name(), feasibility,
        REVIEW_COMMENT.name(), "Examinée en comité de direction générale."));
    // The committee follows the recommendation of the orientation table.
    Task decision = actors.await(reference, Elements.TASK_DECIDE_ORIENTATION, null, null);
    Object recommended = actors.variable(decision, RECOMMENDED_ORIENTATION.name());
    actors.complete(GENERAL_MANAGEMENT, reference, Elements.TASK_DECIDE_ORIENTATION, Map.of(ORIENTATION.name(), recommended));
  }

  /** Studied, feasible, carried by its author: the manager agrees and the project team is formed. */
  private void incubate(String reference) {
    orient(reference, 3, 2);
    actors.complete(TEAM, reference, Elements.TASK_STUDY_FEASIBILITY, Map.of("studyOutcome", "FEASIBLE",
        "studyConclusion", "Faisable avec les moyens du Département ; l'agente se porte volontaire pour la porter.",
        "wantsToCarry", true));
    Map<String, Object> agreement = new HashMap<>();
    agreement.put("timeShareUnit", "PERCENT");
    agreement.put("timeShare", 20);
    agreement.put("durationMonths", 6);
    agreement.put("startDate", LocalDate.now(PARIS).toString());
    agreement.put("agreementConditions", "Hors semaines de rentrée scolaire.");
    agreement.put("agreementDecision", "AGREE");
    actors.complete(MANAGER, reference, Incubation.Elements.TASK_AGREE_ON_WORKING_TIME, agreement);
    actors.complete(TEAM, reference, Incubation.Elements.TASK_FORM_PROJECT_TEAM, Map.of(
        "coach", TEAM, "legalExpert", LEGAL, "financeExpert", FINANCE, "marketExpert", MARKET,
        "userJourneyExpert", USER_JOURNEY, "sponsorDirectorate", "education",
        "milestones", "Premier mois : cadrage.\nTroisième mois : synthèse des quatre volets.\nSixième mois : décision."));
  }

  /** The intrapreneur carries each workstream and its expert reviews it favourably. */
  private void carryAndReview(String reference, List<String> workstreams) {
    Map<String, String> experts = Map.of("LEGAL", LEGAL, "FINANCIAL", FINANCE, "MARKET_STUDY", MARKET,
        "USER_JOURNEY", USER_JOURNEY);
    for (String workstream : workstreams) {
      actors.complete(CAMILLE, reference, Incubation.Elements.TASK_CARRY_WORKSTREAM, "workstream", workstream,
          Map.of("deliverableSummary", "Livrable du volet : état des lieux, options étudiées et recommandation."));
      actors.complete(experts.get(workstream), reference, Incubation.Elements.TASK_REVIEW_WORKSTREAM, "workstream",
          workstream, Map.of("workstreamConclusion", "FAVOURABLE",
              "expertComment", "Analyse solide, risques identifiés et maîtrisés."));
    }
  }

  private void support(String reference, String... agents) {
    for (String agent : agents) {
      supports.set(reference, agent, true);
    }
  }
}
