package dev.tapio.rules;

import dev.tapio.api.context.EnrichedEvent;
import java.util.List;

/**
 * Why a rule's condition has the value it has for one event: the path through the condition (macros
 * expanded, exceptions added) that decides it, one line per check with the field values seen.
 *
 * <p>For a condition that is false: of an {@code and} the first false part, of an {@code or} every
 * part, of {@code not X} why {@code X} is true; for a check a line such as {@code fd.name in
 * (/etc/shadow, /etc/gshadow): false (fd.name = '/etc/hostname')}, prefixed with {@code in macro
 * 'name': } when the check comes from a macro. Long value lists are abbreviated.
 *
 * <p>This evaluates the condition a second time, more slowly than the rule's predicate: it is for
 * explaining a result, not for matching.
 */
@FunctionalInterface
public interface ConditionTrace {

  /** The lines explaining the condition's value for {@code event}. */
  List<String> explain(EnrichedEvent event);

  /** Explains nothing. */
  ConditionTrace NONE = e -> List.of();
}
