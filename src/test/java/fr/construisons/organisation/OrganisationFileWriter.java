package fr.construisons.organisation;

import fr.construisons.organisation.OrganisationDirectory.Directorate;
import fr.construisons.organisation.OrganisationFile.AgentEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an organisation file that {@link OrganisationFileReader} reads back: one line per
 * directorate and per agent, so that a file of thousands of agents stays readable and diffs well.
 * Test side only: the application reads organisation files, it never writes one
 * ({@link OrganisationFileGenerator} and the reader's round-trip test do).
 */
public final class OrganisationFileWriter {

  private OrganisationFileWriter() {}

  public static void write(OrganisationFile organisation, String headerComment, Writer out) {
    try {
      if (headerComment != null) {
        for (String line : headerComment.split("\n", -1)) {
          out.write(line.isEmpty() ? "#\n" : "# " + line + "\n");
        }
        out.write("\n");
      }
      out.write("innovation-directorate: " + quote(organisation.innovationDirectorate()) + "\n\n");
      out.write("directorates:\n");
      for (Directorate d : organisation.directorates()) {
        out.write("  - { code: " + quote(d.code()) + ", name: " + quote(d.name()) + ", mailbox: "
            + quote(d.mailbox()) + " }\n");
      }
      out.write("\nagents:\n");
      for (AgentEntry agent : organisation.agents()) {
        out.write(line(agent));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(AgentEntry agent) {
    List<String> fields = new ArrayList<>();
    fields.add("id: " + quote(agent.id()));
    fields.add("first-name: " + quote(agent.firstName()));
    fields.add("last-name: " + quote(agent.lastName()));
    if (agent.email() != null) {
      fields.add("email: " + quote(agent.email()));
    }
    fields.add("directorate: " + quote(agent.directorate()));
    if (agent.manager() != null) {
      fields.add("manager: " + quote(agent.manager()));
    }
    if (!agent.groups().isEmpty()) {
      fields.add("groups: [" + String.join(", ", agent.groups().stream().map(OrganisationFileWriter::quote).toList())
          + "]");
    }
    if (agent.password() != null) {
      fields.add("password: " + quote(agent.password()));
    }
    return "  - { " + String.join(", ", fields) + " }\n";
  }

  /** Double-quoted YAML scalar: safe for apostrophes, colons, accents and values like "no". */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
