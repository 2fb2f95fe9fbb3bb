package fr.construisons.organisation;

/** The organisation file is missing, unreadable or inconsistent; the message says what to fix. */
class OrganisationFileException extends IllegalStateException {

  public OrganisationFileException(String message) {
    super(message);
  }

  public OrganisationFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
