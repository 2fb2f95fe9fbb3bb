package fr.construisons.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.ConstruisonsApplication;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities are Spring Modulith application modules: each top-level package under
 * {@code fr.construisons}, its sub-packages internal. The test fails on a cycle between modules or
 * on a reference to another module's internals, and writes the module map that
 * {@code docs/architecture.md} shows.
 */
class ModuleBoundariesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ConstruisonsApplication.class);

  @Test
  void modulesHaveNoCycleAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  /** The same check on two packages that use each other: it must fail, or it proves nothing. */
  @Test
  void aCycleBetweenModulesFailsTheCheck() {
    // The fixture lives in test classes, which the default import leaves out.
    ImportOption everything = location -> true;
    ApplicationModules cyclic = ApplicationModules.of("fr.construisons.architecture.cyclic", everything);

    assertThatThrownBy(cyclic::verify).isInstanceOf(Violations.class).hasMessageContaining("Cycle detected");
  }

  /**
   * The module graph of {@code docs/architecture.md} is this test's output: the page must hold the
   * graph of the code as it is (run the test, copy the block it prints when they differ).
   */
  @Test
  void theArchitecturePageShowsTheModuleGraphOfTheCode() throws IOException {
    StringBuilder graph = new StringBuilder("```mermaid\nflowchart BT\n");
    MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module ->
        module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName).sorted()
            .forEach(target -> graph.append("  ").append(module.getName()).append(" --> ").append(target).append('\n')));
    graph.append("```\n");

    String page = Files.readString(Path.of("docs", "architecture.md"));

    assertThat(page).as("docs/architecture.md holds the module graph:%n%s", graph).contains(graph);
  }

  @Test
  void writesTheModuleMap() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
