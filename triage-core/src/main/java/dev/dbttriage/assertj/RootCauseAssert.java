package dev.dbttriage.assertj;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.triage.ExposureImpact;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.Severity;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about one root cause of a triaged run, obtained from {@link TriageReportAssert#hasRoot(String)} or
 * {@link TriageAssertions#assertThat(RootCause)}.
 *
 * <pre>{@code
 * assertThat(report).hasRoot("fct_payments").hasClass("COMPILATION").hasSubclass("SCHEMA_CHANGE_NOT_ALLOWED")
 *     .hasSkippedCount(9).hitsExposure("executive_kpis").hasBlastRadiusLessThan(50);
 * }</pre>
 *
 * <p>Failure messages name the root by its unique id. Class and subclass compare ignoring case. Not thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class RootCauseAssert extends AbstractAssert<RootCauseAssert, RootCause> {

  /**
   * Creates an assertion about a root cause; prefer {@link TriageReportAssert#hasRoot(String)}.
   *
   * @param actual the root cause, may be null (every check then fails with "Expecting actual not to be null")
   */
  public RootCauseAssert(RootCause actual) {
    super(actual, RootCauseAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
  }

  /**
   * Checks what kind of problem the root is.
   *
   * @param expected the kind, such as {@link RootKind#FAILED_NODE}
   * @return this
   * @throws AssertionError if it is another kind
   */
  public RootCauseAssert hasKind(RootKind expected) {
    isNotNull();
    if (actual.kind() != expected) {
      failWithMessage("Expecting root cause %s to be %s but it is %s", actual.uniqueId(), expected.label(),
          actual.kind().label());
    }
    return myself;
  }

  /**
   * Checks the root's severity.
   *
   * @param expected the severity
   * @return this
   * @throws AssertionError if it differs, saying the blast radius
   */
  public RootCauseAssert hasSeverity(Severity expected) {
    isNotNull();
    if (actual.severity() != expected) {
      failWithMessage("Expecting root cause %s to have severity %s but it has %s (%d downstream)", actual.uniqueId(),
          expected, actual.severity(), actual.blastRadius().size());
    }
    return myself;
  }

  /**
   * Checks the error class of the diagnosis, ignoring case.
   *
   * @param expected the class, such as {@code DATABASE}
   * @return this
   * @throws AssertionError if it differs, saying class and subclass found
   */
  public RootCauseAssert hasClass(String expected) {
    isNotNull();
    if (!actual.diagnosis().errorClass().name().equalsIgnoreCase(expected)) {
      failWithMessage("Expecting root cause %s to have class %s but it is %s", actual.uniqueId(), expected,
          classAndSubclass());
    }
    return myself;
  }

  /**
   * Checks the error class of the diagnosis.
   *
   * @param expected the class
   * @return this
   * @throws AssertionError if it differs, saying class and subclass found
   */
  public RootCauseAssert hasClass(ErrorClass expected) {
    return hasClass(expected.name());
  }

  /**
   * Checks the subclass of the diagnosis, ignoring case.
   *
   * @param expected the subclass, such as {@code PERMISSION_DENIED}
   * @return this
   * @throws AssertionError if it differs, saying class and subclass found
   */
  public RootCauseAssert hasSubclass(String expected) {
    isNotNull();
    if (!actual.diagnosis().subclass().name().equalsIgnoreCase(expected)) {
      failWithMessage("Expecting root cause %s to have subclass %s but it is %s", actual.uniqueId(), expected,
          classAndSubclass());
    }
    return myself;
  }

  /**
   * Checks the subclass of the diagnosis.
   *
   * @param expected the subclass
   * @return this
   * @throws AssertionError if it differs, saying class and subclass found
   */
  public RootCauseAssert hasSubclass(Subclass expected) {
    return hasSubclass(expected.name());
  }

  /**
   * Checks how many skipped nodes are attributed to the root.
   *
   * @param expected the number
   * @return this
   * @throws AssertionError listing the skipped nodes if the number differs
   */
  public RootCauseAssert hasSkippedCount(int expected) {
    isNotNull();
    if (actual.skipped().size() != expected) {
      failWithMessage("Expecting root cause %s to have skipped %d %s but it skipped %d: %s", actual.uniqueId(),
          expected, Describe.verb(expected, "node", "nodes"), actual.skipped().size(),
          Describe.strings(actual.skipped()));
    }
    return myself;
  }

  /**
   * Checks that these nodes are among the skipped nodes attributed to the root.
   *
   * @param nodes unique ids or names
   * @return this
   * @throws AssertionError naming the nodes that are not
   */
  public RootCauseAssert hasSkipped(String... nodes) {
    isNotNull();
    List<String> missing = new ArrayList<>();
    for (String n : nodes) {
      if (Describe.matching(actual.skipped(), n).isEmpty()) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      failWithMessage("Expecting root cause %s to have skipped %s but not %s; it skipped %s", actual.uniqueId(),
          Describe.strings(List.of(nodes)), Describe.strings(missing), Describe.strings(actual.skipped()));
    }
    return myself;
  }

  /**
   * Checks the size of the blast radius (what {@code dbt ls --select <root>+} lists, less the root).
   *
   * @param expected the number of downstream nodes
   * @return this
   * @throws AssertionError if it differs
   */
  public RootCauseAssert hasBlastRadiusOf(int expected) {
    isNotNull();
    if (actual.blastRadius().size() != expected) {
      failWithMessage("Expecting root cause %s to have %d downstream %s but it has %d", actual.uniqueId(),
          expected, Describe.verb(expected, "node", "nodes"), actual.blastRadius().size());
    }
    return myself;
  }

  /**
   * Checks that the blast radius is smaller than a bound.
   *
   * @param bound the exclusive upper bound
   * @return this
   * @throws AssertionError if it is as large or larger
   */
  public RootCauseAssert hasBlastRadiusLessThan(int bound) {
    isNotNull();
    if (actual.blastRadius().size() >= bound) {
      failWithMessage("Expecting root cause %s to have fewer than %d downstream nodes but it has %d",
          actual.uniqueId(), bound, actual.blastRadius().size());
    }
    return myself;
  }

  /**
   * Checks that an exposure is downstream of the root.
   *
   * @param exposure the exposure's unique id, name or label
   * @return this
   * @throws AssertionError listing the exposures hit if it is not among them
   */
  public RootCauseAssert hitsExposure(String exposure) {
    isNotNull();
    for (ExposureImpact e : actual.blastRadius().exposures()) {
      if (e.name().equals(exposure) || Describe.refersTo(e.uniqueId(), exposure)) {
        return myself;
      }
    }
    failWithMessage("Expecting root cause %s to hit exposure \"%s\" but it hits %s", actual.uniqueId(), exposure,
        actual.blastRadius().exposures().isEmpty() ? "none"
            : Describe.strings(actual.blastRadius().exposures().stream().map(ExposureImpact::uniqueId).toList()));
    return myself;
  }

  /**
   * Checks the recovery command of the triage record.
   *
   * @param command the command, such as {@code dbt build --select fct_tickets+}
   * @return this
   * @throws AssertionError quoting the command if it differs
   */
  public RootCauseAssert hasRecoveryCommand(String command) {
    isNotNull();
    String found = actual.record().recoveryCommand();
    if (!found.equals(command)) {
      failWithMessage("Expecting root cause %s to have recovery command \"%s\" but it has \"%s\"",
          actual.uniqueId(), command, found);
    }
    return myself;
  }

  private String classAndSubclass() {
    return actual.diagnosis().errorClass() + "/" + actual.diagnosis().subclass();
  }
}
