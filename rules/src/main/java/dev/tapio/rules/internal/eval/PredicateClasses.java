package dev.tapio.rules.internal.eval;

import static java.lang.constant.ConstantDescs.BSM_CLASS_DATA_AT;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.DEFAULT_NAME;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import dev.tapio.api.context.EnrichedEvent;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Turns a tree of {@link Logic} nodes into one generated class whose {@code test} method is the
 * whole condition as straight-line code: every {@code and}/{@code or}/{@code not} becomes a
 * conditional jump, every check a call on a constant of the class.
 *
 * <p>Why: evaluated as a tree, each node is an interface call with dozens of possible targets, and
 * the JIT can inline none of them. In the generated method each check is a call on an object the
 * JIT knows exactly (a class-data constant), so the check, its field accessor and its value test
 * are inlined into one compiled method per rule. The classes are hidden classes: they are unloaded
 * with the rule set that made them.
 */
public final class PredicateClasses {

  /**
   * Most checks one generated method holds; larger conditions are split into several classes
   * (HotSpot does not compile methods over 8,000 bytes of bytecode; a check takes about 12).
   */
  static final int MAX_CHECKS = 400;

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final AtomicLong SERIAL = new AtomicLong();
  private static final ClassDesc CD_PREDICATE = ClassDesc.of(EventPredicate.class.getName());
  private static final ClassDesc CD_EVENT = ClassDesc.of(EnrichedEvent.class.getName());
  private static final MethodTypeDesc TEST = MethodTypeDesc.of(CD_boolean, CD_EVENT);

  private PredicateClasses() {}

  /**
   * The same condition as {@code tree}, its class generated when it is first tested, not now: a
   * rule set compiles hundreds of conditions (748 Drools rules for Falco's three files), and the
   * engine should not spend its start-up defining classes for event types that may come minutes
   * later or never; a single check is returned as it is.
   */
  public static EventPredicate lazy(EventPredicate tree, String name) {
    return isNode(tree) ? new Lazy(tree, name) : tree;
  }

  /** A condition whose class is generated on its first test (on whichever thread tests first). */
  static final class Lazy implements EventPredicate {
    private final EventPredicate tree;
    private final String name;
    private volatile @Nullable EventPredicate generated;

    Lazy(EventPredicate tree, String name) {
      this.tree = tree;
      this.name = name;
    }

    @Override
    public boolean test(EnrichedEvent event) {
      EventPredicate g = generated;
      return (g != null ? g : generate()).test(event);
    }

    private synchronized EventPredicate generate() {
      EventPredicate g = generated;
      if (g == null) {
        g = PredicateClasses.generate(tree, name);
        generated = g;
      }
      return g;
    }

    /** Whether its class exists yet. */
    boolean isGenerated() {
      return generated != null;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** {@link #generate(EventPredicate, String)} with a class named after nothing in particular. */
  public static EventPredicate generate(EventPredicate tree) {
    return generate(tree, "Condition");
  }

  /**
   * The same condition as {@code tree}, as one generated class whose name starts with {@code name}
   * (what profiles and stack traces show: say which rule); a single check is returned as it is
   * (there is nothing to flatten).
   */
  public static EventPredicate generate(EventPredicate tree, String name) {
    if (!isNode(tree)) {
      return tree;
    }
    EventPredicate root = checks(tree) > MAX_CHECKS ? splitChildren(tree, name) : tree;
    List<EventPredicate> constants = new ArrayList<>();
    ClassDesc className =
        ClassDesc.of(
            PredicateClasses.class.getPackageName(),
            name.replaceAll("[^A-Za-z0-9_]", "_") + "$" + SERIAL.incrementAndGet());
    byte[] bytes =
        ClassFile.of()
            .build(
                className,
                cb -> {
                  cb.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
                  cb.withInterfaceSymbols(CD_PREDICATE);
                  cb.withMethodBody(
                      INIT_NAME,
                      MTD_void,
                      0,
                      code ->
                          code.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_());
                  cb.withMethodBody(
                      "test",
                      TEST,
                      ClassFile.ACC_PUBLIC,
                      code -> {
                        Label isFalse = code.newLabel();
                        jumpIf(code, root, false, isFalse, constants);
                        code.iconst_1().ireturn();
                        code.labelBinding(isFalse);
                        code.iconst_0().ireturn();
                      });
                });
    try {
      MethodHandles.Lookup hidden =
          LOOKUP.defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
      return (EventPredicate)
          hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot define the class of a compiled condition", e);
    }
  }

  /**
   * Emits code that jumps to {@code target} when {@code p} is {@code when} and falls through
   * otherwise; {@code and}/{@code or} short-circuit as written, left to right.
   */
  private static void jumpIf(
      CodeBuilder code,
      EventPredicate p,
      boolean when,
      Label target,
      List<EventPredicate> constants) {
    switch (p) {
      case Logic.Negation n -> jumpIf(code, n.inner(), !when, target, constants);
      case Logic.All a -> junction(code, a.parts(), false, when, target, constants);
      case Logic.Any a -> junction(code, a.parts(), true, when, target, constants);
      default -> {
        int index = constants.size();
        constants.add(p);
        code.ldc(DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_AT, DEFAULT_NAME, CD_PREDICATE, index))
            .aload(1)
            .invokeinterface(CD_PREDICATE, "test", TEST);
        if (when) {
          code.ifne(target);
        } else {
          code.ifeq(target);
        }
      }
    }
  }

  /**
   * An {@code and} ({@code decides} false) or {@code or} ({@code decides} true): the first part
   * equal to {@code decides} settles it, otherwise the result is {@code !decides}.
   */
  private static void junction(
      CodeBuilder code,
      EventPredicate[] parts,
      boolean decides,
      boolean when,
      Label target,
      List<EventPredicate> constants) {
    if (when == decides) {
      for (EventPredicate part : parts) {
        jumpIf(code, part, decides, target, constants);
      }
      return;
    }
    Label settled = code.newLabel();
    for (int i = 0; i < parts.length - 1; i++) {
      jumpIf(code, parts[i], decides, settled, constants);
    }
    jumpIf(code, parts[parts.length - 1], when, target, constants);
    code.labelBinding(settled);
  }

  private static boolean isNode(EventPredicate p) {
    return p instanceof Logic.All || p instanceof Logic.Any || p instanceof Logic.Negation;
  }

  /** How many checks (leaves) {@code p} calls. */
  static int checks(EventPredicate p) {
    return switch (p) {
      case Logic.Negation n -> checks(n.inner());
      case Logic.All a -> checks(a.parts());
      case Logic.Any a -> checks(a.parts());
      default -> 1;
    };
  }

  private static int checks(EventPredicate[] parts) {
    int n = 0;
    for (EventPredicate part : parts) {
      n += checks(part);
    }
    return n;
  }

  /** {@code p} with each child generated on its own, so that the root stays small. */
  private static EventPredicate splitChildren(EventPredicate p, String name) {
    return switch (p) {
      case Logic.Negation n -> new Logic.Negation(generate(n.inner(), name));
      case Logic.All a -> new Logic.All(generateAll(chunked(a.parts(), Logic.All::new), name));
      case Logic.Any a -> new Logic.Any(generateAll(chunked(a.parts(), Logic.Any::new), name));
      default -> p;
    };
  }

  /** How many parts of one junction go into one generated class when it is split. */
  private static final int CHUNK = 64;

  /** {@code parts} grouped in order into junctions of {@code CHUNK} parts when there are more. */
  private static EventPredicate[] chunked(
      EventPredicate[] parts, java.util.function.Function<EventPredicate[], EventPredicate> join) {
    if (parts.length <= CHUNK) {
      return parts;
    }
    List<EventPredicate> out = new ArrayList<>();
    for (int from = 0; from < parts.length; from += CHUNK) {
      out.add(
          join.apply(
              java.util.Arrays.copyOfRange(parts, from, Math.min(parts.length, from + CHUNK))));
    }
    return out.toArray(EventPredicate[]::new);
  }

  private static EventPredicate[] generateAll(EventPredicate[] parts, String name) {
    EventPredicate[] out = new EventPredicate[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = generate(parts[i], name);
    }
    return out;
  }
}
