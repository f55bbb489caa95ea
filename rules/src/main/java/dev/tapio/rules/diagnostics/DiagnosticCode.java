package dev.tapio.rules.diagnostics;

/**
 * The codes Falco's rule loader reports, with its descriptions. Codes starting {@code LOAD_ERR_}
 * are errors (the file is invalid); the others are warnings.
 */
public enum DiagnosticCode {
  LOAD_ERR_FILE_READ("File read error"),
  LOAD_ERR_YAML_PARSE("YAML parse error"),
  LOAD_ERR_YAML_VALIDATE("Error validating internal structure of YAML file"),
  LOAD_ERR_COMPILE_CONDITION("Error compiling condition"),
  LOAD_ERR_COMPILE_OUTPUT("Error compiling output"),
  LOAD_ERR_VALIDATE("Error validating rule/macro/list/exception objects"),
  LOAD_ERR_EXTENSION("Error loading extension"),
  LOAD_UNKNOWN_SOURCE("Unknown rule source"),
  LOAD_UNSAFE_NA_CHECK("Unsafe <NA> comparison in condition"),
  LOAD_NO_EVTTYPE("Condition has no event-type restriction"),
  LOAD_UNKNOWN_FILTER("Unknown field or event-type in condition or output"),
  LOAD_UNUSED_MACRO("Unused macro"),
  LOAD_UNUSED_LIST("Unused list"),
  LOAD_UNKNOWN_ITEM("Unknown rules file item"),
  LOAD_DEPRECATED_ITEM("Used deprecated item"),
  LOAD_WARNING_EXTENSION("Extension warning"),
  LOAD_APPEND_NO_VALUES("Overriding/appending with no values"),
  LOAD_EXCEPTION_NAME_NOT_UNIQUE("Multiple exceptions defined with the same name"),
  LOAD_INVALID_MACRO_NAME("Invalid macro name"),
  LOAD_INVALID_LIST_NAME("Invalid list name"),
  LOAD_COMPILE_CONDITION("Warnings in filter condition"),
  LOAD_UNKNOWN_KEY("Unknown key in rules file item");

  private final String description;

  DiagnosticCode(String description) {
    this.description = description;
  }

  /** Falco's one-line description of the code ({@code codedesc} in JSON). */
  public String description() {
    return description;
  }

  public boolean isError() {
    return name().startsWith("LOAD_ERR_");
  }
}
