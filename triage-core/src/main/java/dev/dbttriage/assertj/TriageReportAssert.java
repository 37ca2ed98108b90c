package dev.dbttriage.assertj;

import dev.dbttriage.artifact.RunResult;
import dev.dbttriage.artifact.RunStatus;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.RootKind;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about the triage of a run, obtained from {@link TriageAssertions#assertThat(TriageReport)}: how many
 * root causes, whether every skipped node is attributed, the worst severity, and navigation to one root cause.
 *
 * <pre>{@code
 * assertThat(Triage.triage(Triage.readTarget(Path.of("target"))))
 *     .attributesEverySkippedNode().hasMaxSeverityAtMost(Severity.MODERATE)
 *     .hasRoot("fct_tickets").hasClass("DATABASE").hasSubclass("PERMISSION_DENIED").hasSkippedCount(6);
 * }</pre>
 *
 * <p>Root causes are named by unique id or by name ({@code fct_tickets}, {@code stripe.payments} for a source).
 * Not thread-safe.
 */
@SuppressWarnings("exports") // assertj-core is 'requires static': users of this package bring it
public final class TriageReportAssert extends AbstractAssert<TriageReportAssert, TriageReport> {

  /**
   * Creates an assertion about a report; prefer {@link TriageAssertions#assertThat(TriageReport)}.
   *
   * @param actual the report, may be null (every check then fails with "Expecting actual not to be null")
   */
  public TriageReportAssert(TriageReport actual) {
    super(actual, TriageReportAssert.class);
    info.useRepresentation(TriageRepresentation.INSTANCE);
  }

  /**
   * Checks the number of root causes, warnings included (see {@link #hasFailureCount(int)}).
   *
   * @param expected the expected number
   * @return this
   * @throws AssertionError listing the roots if the number differs
   */
  public TriageReportAssert hasRootCount(int expected) {
    isNotNull();
    if (actual.roots().size() != expected) {
      failWithMessage("Expecting the report to have %d root %s but it has %d: %s", expected,
          Describe.verb(expected, "cause", "causes"), actual.roots().size(), rootIds(actual.roots()));
    }
    return myself;
  }

  /**
   * Checks the number of root causes that are failures, leaving out warnings ({@link TriageReport#failures()}).
   *
   * @param expected the expected number
   * @return this
   * @throws AssertionError listing the failures if the number differs
   */
  public TriageReportAssert hasFailureCount(int expected) {
    isNotNull();
    List<RootCause> failures = actual.failures();
    if (failures.size() != expected) {
      failWithMessage("Expecting the report to have %d %s but it has %d: %s", expected,
          Describe.verb(expected, "failure", "failures"), failures.size(), rootIds(failures));
    }
    return myself;
  }

  /**
   * Navigates to a root cause.
   *
   * @param root the root's unique id or name, such as {@code model.shop.orders}, {@code orders} or
   *     {@code stripe.payments}
   * @return assertions about the root cause
   * @throws AssertionError if no root has that id or name, or several have that name
   */
  public RootCauseAssert hasRoot(String root) {
    isNotNull();
    Optional<RootCause> exact = actual.root(root);
    if (exact.isPresent()) {
      return new RootCauseAssert(exact.get());
    }
    List<RootCause> found = new ArrayList<>();
    for (RootCause r : actual.roots()) {
      if (r.name().equals(root) || Describe.refersTo(r.uniqueId(), root)) {
        found.add(r);
      }
    }
    if (found.isEmpty()) {
      failWithMessage("Expecting the report to have a root cause \"%s\" but its root causes are %s", root,
          rootIds(actual.roots()));
    }
    if (found.size() > 1) {
      failWithMessage("Expecting the report to have one root cause \"%s\" but %d match: %s", root, found.size(),
          rootIds(found));
    }
    return new RootCauseAssert(found.get(0));
  }

  /**
   * Checks that no skipped node is left without a failed node upstream (no root of kind
   * {@link RootKind#UNEXPLAINED_SKIP}).
   *
   * @return this
   * @throws AssertionError naming the unexplained skipped nodes
   */
  public TriageReportAssert hasNoUnexplainedSkips() {
    isNotNull();
    List<String> unexplained = new ArrayList<>();
    for (RootCause r : actual.roots()) {
      if (r.kind() == RootKind.UNEXPLAINED_SKIP) {
        unexplained.addAll(r.skipped());
      }
    }
    if (!unexplained.isEmpty()) {
      failWithMessage("Expecting the report to have no unexplained skips but %d skipped %s no failed node"
          + " upstream: %s", unexplained.size(), Describe.verb(unexplained.size(), "node has", "nodes have"),
          Describe.strings(unexplained));
    }
    return myself;
  }

  /**
   * Checks that every result with status {@code skipped} is attributed to a root cause that explains it.
   *
   * @return this
   * @throws AssertionError naming the skipped nodes that are not
   */
  public TriageReportAssert attributesEverySkippedNode() {
    isNotNull();
    int skipped = 0;
    List<String> orphans = new ArrayList<>();
    for (RunResult r : actual.results()) {
      if (r.status() != RunStatus.SKIPPED) {
        continue;
      }
      skipped++;
      List<String> by = actual.skippedBy().getOrDefault(r.uniqueId(), List.of());
      if (by.isEmpty() || by.stream().allMatch(id -> actual.root(id)
          .map(root -> root.kind() == RootKind.UNEXPLAINED_SKIP).orElse(true))) {
        orphans.add(r.uniqueId());
      }
    }
    if (!orphans.isEmpty()) {
      failWithMessage("Expecting all %d skipped nodes to be attributed to a root cause but %d %s not: %s", skipped,
          orphans.size(), Describe.verb(orphans.size(), "is", "are"), Describe.strings(orphans));
    }
    return myself;
  }

  /**
   * Checks the most severe root cause's severity.
   *
   * @param expected the severity, such as {@link Severity#MAJOR}
   * @return this
   * @throws AssertionError if it differs or the report has no root cause
   */
  public TriageReportAssert hasMaxSeverity(Severity expected) {
    isNotNull();
    Optional<Severity> max = actual.maxSeverity();
    if (!max.equals(Optional.of(expected))) {
      failWithMessage("Expecting the report's highest severity to be %s but %s", expected, maxDescription(max));
    }
    return myself;
  }

  /**
   * Checks that no root cause is more severe than given; a report without root causes passes.
   *
   * @param bound the highest severity allowed, such as {@link Severity#MODERATE}
   * @return this
   * @throws AssertionError naming the more severe roots
   */
  public TriageReportAssert hasMaxSeverityAtMost(Severity bound) {
    isNotNull();
    List<RootCause> worse = actual.roots().stream().filter(r -> r.severity().compareTo(bound) > 0).toList();
    if (!worse.isEmpty()) {
      failWithMessage("Expecting no root cause more severe than %s but %d %s: %s", bound, worse.size(),
          Describe.verb(worse.size(), "is", "are"),
          Describe.strings(worse.stream().map(r -> r.uniqueId() + " (" + r.severity() + ")").toList()));
    }
    return myself;
  }

  /**
   * Checks that these nodes were selected by the invocation but have no result at all (a crash, a kill, a time-out).
   *
   * @param nodes unique ids or names
   * @return this
   * @throws AssertionError naming the nodes not among them
   */
  public TriageReportAssert hasNeverRan(String... nodes) {
    isNotNull();
    List<String> missing = new ArrayList<>();
    for (String n : nodes) {
      if (Describe.matching(actual.neverRan(), n).isEmpty()) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      failWithMessage("Expecting %s to have never run but %s not among the %d that never ran: %s",
          Describe.strings(List.of(nodes)), Describe.strings(missing) + " " + Describe.verb(missing.size(), "is",
              "are"), actual.neverRan().size(), Describe.strings(actual.neverRan()));
    }
    return myself;
  }

  /**
   * Checks that every node the invocation selected has a result.
   *
   * @return this
   * @throws AssertionError naming the nodes that never ran
   */
  public TriageReportAssert hasNoNodesThatNeverRan() {
    isNotNull();
    if (!actual.neverRan().isEmpty()) {
      failWithMessage("Expecting every selected node to have a result but %d never ran: %s",
          actual.neverRan().size(), Describe.strings(actual.neverRan()));
    }
    return myself;
  }

  private String maxDescription(Optional<Severity> max) {
    if (max.isEmpty()) {
      return "it has no root causes";
    }
    List<String> at = actual.roots().stream().filter(r -> r.severity() == max.get()).map(RootCause::uniqueId)
        .toList();
    return "it is " + max.get() + " (" + Describe.strings(at) + ")";
  }

  private static String rootIds(List<RootCause> roots) {
    return Describe.strings(roots.stream().map(RootCause::uniqueId).toList());
  }
}
