package fr.construisons.architecture;

import fr.construisons.ConstruisonsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
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

  @Test
  void writesTheModuleMap() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
