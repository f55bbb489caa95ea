package dev.tapio.rules.diagnostics;

/**
 * Every message the loader reports. Those with {@code %s} are filled by {@link #format}; the rest
 * are used as they are. Tests assert them word for word.
 */
public final class Messages {

  private Messages() {}

  // reading files and YAML structure
  public static final String FILE_READ = "Could not read file: %s";
  public static final String YAML_PARSE = "Could not parse YAML: %s";
  public static final String NOT_A_SEQUENCE = "Rules content is not yaml array of objects";
  public static final String ITEM_NOT_A_MAP =
      "Unexpected element type. Each element should be a yaml associative array.";
  public static final String UNKNOWN_ITEM = "Unknown top level item";
  public static final String UNKNOWN_KEY = "Unknown key '%s'";
  public static final String MISSING_KEY = "Item has no mapping for key '%s'";
  public static final String EMPTY_VALUE = "Value for key '%s' is empty";
  public static final String NOT_A_SCALAR = "Value for key '%s' must be a scalar";
  public static final String NOT_A_STRING_LIST = "Value for key '%s' must be a list of scalars";
  public static final String NOT_A_MAP = "Value for key '%s' must be a map";
  public static final String NOT_A_BOOL = "Value for key '%s' must be true or false";
  public static final String INVALID_PRIORITY = "Invalid priority level: %s";
  public static final String INVALID_ENGINE_VERSION =
      "Value of required_engine_version must be a number or a semver string";
  public static final String ENGINE_VERSION_TOO_NEW =
      "Rules require engine version %s, but engine version is %s";
  public static final String INVALID_LIST_NAME =
      "List has an invalid name. List names should match a regular expression: %s";
  public static final String INVALID_MACRO_NAME =
      "Macro has an invalid name. Macro names should match a regular expression: %s";

  // append and override
  public static final String APPEND_DEPRECATED =
      "The 'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under"
          + " 'override' instead.";
  public static final String APPEND_WITH_OVERRIDE =
      "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g."
          + " 'condition: append') under 'override' instead.";
  public static final String APPEND_MISSING_LIST =
      "List has 'append' key or an 'override' but no list by that name already exists";
  public static final String APPEND_MISSING_MACRO =
      "Macro has 'append' key or an 'override' but no macro by that name already exists";
  public static final String APPEND_MISSING_RULE =
      "Rule has 'append' key or an 'override' but no rule by that name already exists";
  public static final String ENABLE_MISSING_RULE =
      "Rule has 'enabled' key but no rule by that name already exists";
  public static final String ENABLED_ONLY_DEPRECATED =
      "The standalone 'enabled' key usage is deprecated. The correct approach requires also a"
          + " 'replace' entry under the 'override' key (i.e. 'enabled: replace').";
  public static final String OVERRIDE_UNKNOWN_KEY = "Key '%s' cannot be overridden";
  public static final String OVERRIDE_BAD_MODE =
      "Invalid override mode '%s' for key '%s': use 'append' or 'replace'";
  public static final String OVERRIDE_NO_APPEND = "Key '%s' cannot be appended to, use 'replace'";
  public static final String OVERRIDE_KEY_MISSING =
      "An 'override' entry for '%s' is specified but '%s' is not defined";
  public static final String OVERRIDE_KEY_UNLISTED =
      "Unexpected key '%s': no corresponding entry under 'override' is defined.";
  public static final String APPEND_NO_VALUES = "Overriding/appending with no values for '%s'";
  public static final String SOURCE_MISMATCH =
      "Rule redefined with a different source: was '%s', now '%s'";
  public static final String EXCEPTION_FIELDS_CHANGED =
      "Can not append exception '%s': its fields or comps differ from the existing exception";

  // exceptions
  public static final String EXCEPTION_NO_NAME = "Item has no mapping for key 'name'";
  public static final String EXCEPTION_NAME_NOT_UNIQUE = "Multiple definitions of exception '%s'";
  public static final String EXCEPTION_FIELDS_COMPS_LENGTH =
      "Fields and comps lists must have equal length";
  public static final String EXCEPTION_VALUES_LENGTH =
      "Fields and values lists must have equal length";
  public static final String EXCEPTION_COMPS_WITHOUT_FIELDS =
      "Rule exception item must have fields property with a list of fields";
  public static final String EXCEPTION_SCALAR_COMP =
      "When fields is a single value, comps must be one of (in, pmatch, intersects) or a"
          + " string operator with a modifier";
  public static final String EXCEPTION_UNKNOWN_COMP = "'%s' is not a supported comparison operator";
  public static final String EXCEPTION_UNKNOWN_FIELD = "'%s' is not a supported filter field";

  // conditions
  public static final String UNDEFINED_MACRO = "Undefined macro '%s' used in filter.";
  public static final String MACRO_LOOP = "reference loop in macro '%s'";
  public static final String UNKNOWN_FIELD = "filter_check called with nonexistent field %s";
  public static final String UNDEFINED_LIST = "list '%s' is not defined";
  public static final String UNKNOWN_EVENT_TYPE = "unknown event type %s";
  public static final String FIELD_ARG_REQUIRED = "filter field '%s' requires an argument";
  public static final String FIELD_ARG_NOT_ALLOWED = "filter field '%s' does not take an argument";
  public static final String FIELD_ARG_INVALID = "invalid argument '%s' for filter field '%s'";
  public static final String OPERATOR_NOT_SUPPORTED =
      "operator '%s' not supported for field '%s' of type %s";
  public static final String BAD_VALUE = "invalid value '%s' for field '%s' of type %s";
  public static final String BAD_REGEX = "invalid regular expression '%s': %s";
  public static final String BAD_HEX = "invalid hex string '%s'";
  public static final String TRANSFORMER_NOT_SUPPORTED =
      "transformer '%s' not supported for field type %s";
  public static final String FIELD_AS_STRING =
      "'%s' may be a valid field misused as a const string value";
  public static final String REGEX_SIMPLER =
      "regex '%s' can be written with the simpler and faster operator '%s'";
  public static final String DEPRECATED_FIELD =
      "field '%s' is deprecated and will be removed in a future release";
  public static final String FIELD_NOT_EXTRACTED =
      "Field '%s' is not extracted on Tapio's live events: every comparison on it is false";
  public static final String UNSAFE_NA =
      "comparing a field value with <NA> is unsafe and may lead to unexpected results";
  public static final String NO_EVTTYPE =
      "Rule matches too many evt.type values. This has a significant performance penalty.";
  public static final String UNKNOWN_SOURCE = "Unknown source %s, skipping";
  public static final String UNKNOWN_FILTER_SKIPPED = "Skipping rule with unknown field: %s";
  public static final String UNUSED_MACRO = "Macro not referred to by any other rule/macro";
  public static final String UNUSED_LIST = "List not referred to by any other rule/macro";

  // outputs
  public static final String OUTPUT_UNKNOWN_FIELD = "invalid formatting token %s: unknown filter";
  public static final String OUTPUT_TRAILING_PERCENT = "invalid formatting token %s at the end";
  public static final String OUTPUT_CONTAINER_INFO =
      "%container.info is deprecated and removed from the output";

  // correlations (Tapio's extension)
  public static final String CORRELATION_BAD_KIND =
      "Invalid correlation kind '%s': use sequence, threshold or absence";
  public static final String NOT_A_SEQUENCE_OF = "Value for key '%s' must be a non-empty list";
  public static final String SEQUENCE_STEPS = "A sequence needs at least 2 steps";
  public static final String THRESHOLD_STEPS = "A threshold needs exactly 1 step";
  public static final String ABSENCE_STEPS = "An absence needs exactly 2 steps";
  public static final String THRESHOLD_COUNT =
      "Value for key 'count' must be a whole number of at least 2";
  public static final String COUNT_NOT_THRESHOLD = "Key 'count' is only for kind threshold";
  public static final String BAD_MAX_KEYS =
      "Value for key 'max_keys' must be a whole number of at least 1";
  public static final String STEP_CONDITION_OR_RULE =
      "A step needs exactly one of 'condition' and 'rule'";
  public static final String STEP_BAD_NAME =
      "Step name '%s' is invalid. Step names should match a regular expression: %s";
  public static final String STEP_DUPLICATE = "Step name '%s' is used twice";
  public static final String KEY_UNKNOWN_STEP = "Key names step '%s', which is not a step";
  public static final String KEY_MISSING_STEP = "Key has no field for step '%s'";
  public static final String BAD_DURATION =
      "Invalid duration '%s': use a whole number followed by ms, s, m or h (e.g. 60s)";
  public static final String STEP_UNKNOWN_RULE =
      "Step '%s' refers to rule '%s', which is not defined";
  public static final String KEY_UNKNOWN_FIELD = "Unknown field '%s' in key";

  /** {@code String.format(template, args)}. */
  @SuppressWarnings("AnnotateFormatMethod") // templates are the constants above
  public static String format(String template, Object... args) {
    return String.format(java.util.Locale.ROOT, template, args);
  }
}
