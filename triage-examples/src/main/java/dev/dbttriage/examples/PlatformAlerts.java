package dev.dbttriage.examples;

import dev.dbttriage.triage.CommonCause;
import dev.dbttriage.triage.ExposureImpact;
import dev.dbttriage.triage.RootCause;
import dev.dbttriage.triage.Severity;
import dev.dbttriage.triage.TriageReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Worked example for an internal platform tool: after a dbt job fails, post <em>one alert per root cause</em> to
 * a chat or paging tool, with its owners and the exposures it hits, instead of one per skipped model; roots the
 * triage found to share one likely cause get a single alert between them.
 *
 * <pre>{@code
 * TriageReport report = Triage.triage(Triage.readTarget(Path.of("target")));
 * for (PlatformAlerts.Alert alert : PlatformAlerts.alerts(report)) {
 *   chat.post(alert.channelHint(), alert.text());   // your chat or paging client
 * }
 * }</pre>
 */
public final class PlatformAlerts {
  private PlatformAlerts() {}

  /**
   * One alert.
   *
   * @param severity the root's severity; {@link Severity#MAJOR} is the runbook's "page others"
   * @param page whether to page (major) rather than just post
   * @param title a one-line title
   * @param text the message body, in the chat tool's plain text
   * @param mentions the owners to mention: the affected models' owners and the exposures' owners
   * @param channelHint where to send it: {@code #data-incidents} for major, else {@code #data-alerts}
   */
  public record Alert(Severity severity, boolean page, String title, String text, List<String> mentions,
      String channelHint) {
    /** Copies the mentions. */
    public Alert {
      mentions = List.copyOf(mentions);
    }
  }

  /**
   * Returns one alert per common cause and one per other root cause that is a failure (warnings are left out).
   *
   * @param report the triage of the failed run
   * @return the alerts
   */
  public static List<Alert> alerts(TriageReport report) {
    List<Alert> alerts = new ArrayList<>();
    // Roots that are one problem (seventeen tables missing from one dataset) get one alert between them.
    Set<String> grouped = new java.util.HashSet<>();
    for (CommonCause cause : report.commonCauses()) {
      grouped.addAll(cause.roots());
      Set<String> mentions = new LinkedHashSet<>();
      Severity worst = Severity.INFO;
      int downstream = 0;
      for (String id : cause.roots()) {
        RootCause root = report.root(id).orElseThrow();
        mentions.addAll(root.blastRadius().owners());
        root.blastRadius().exposures().forEach(e -> e.owner().ifPresent(mentions::add));
        worst = root.severity().compareTo(worst) > 0 ? root.severity() : worst;
        downstream += root.blastRadius().size();
      }
      String title = String.format("[%s] dbt %s: %d roots, one likely cause (%s/%s%s)", worst.name(),
          report.command().orElse("run"), cause.roots().size(), cause.errorClass(), cause.subclass(),
          cause.scope().map(x -> " in " + x).orElse(""));
      String text = title + "\n" + cause.summary() + "\nRoots: " + String.join(", ", cause.roots())
          + "\nDownstream of them: " + downstream + " node(s) (counted per root)";
      boolean page = worst == Severity.MAJOR;
      alerts.add(new Alert(worst, page, title, text, List.copyOf(mentions), page ? "#data-incidents" : "#data-alerts"));
    }
    for (RootCause root : report.failures()) {
      if (grouped.contains(root.uniqueId())) {
        continue;
      }
      Set<String> mentions = new LinkedHashSet<>(root.blastRadius().owners());
      for (ExposureImpact e : root.blastRadius().exposures()) {
        e.owner().ifPresent(mentions::add);
      }
      String title = String.format("[%s] dbt %s: %s %s failed (%s/%s)", root.severity().name(),
          report.command().orElse("run"), root.resourceType().dbtName(), root.name(),
          root.diagnosis().errorClass(), root.diagnosis().subclass());
      StringBuilder text = new StringBuilder(title).append('\n');
      if (!root.firstLine().isEmpty()) {
        text.append("> ").append(root.firstLine()).append('\n');
      }
      text.append("Blast radius: ").append(root.record().blastRadius()).append('\n');
      if (!root.skipped().isEmpty()) {
        text.append("Skipped because of it: ").append(root.skipped().size()).append(" node(s)\n");
      }
      for (ExposureImpact e : root.blastRadius().exposures()) {
        text.append("Hits ").append(e.type().orElse("exposure")).append(' ').append(e.name())
            .append(e.owner().map(o -> " (" + o + ")").orElse("")).append('\n');
      }
      text.append("Fix: ").append(root.diagnosis().advice()).append('\n');
      text.append("Then: ").append(root.record().recoveryCommand());
      boolean page = root.severity() == Severity.MAJOR;
      alerts.add(new Alert(root.severity(), page, title, text.toString(), List.copyOf(mentions),
          page ? "#data-incidents" : "#data-alerts"));
    }
    return alerts;
  }
}
