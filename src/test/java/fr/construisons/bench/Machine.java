package fr.construisons.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on, printed with them. */
final class Machine {

  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException | RuntimeException ignored) {
      // Not Linux: the processor count and memory below still say something.
    }
    Runtime runtime = Runtime.getRuntime();
    return "Machine: " + cpu + ", " + runtime.availableProcessors() + " cores; Java " + System.getProperty("java.version")
        + "; heap max " + runtime.maxMemory() / (1024 * 1024) + " MiB.\n";
  }
}
