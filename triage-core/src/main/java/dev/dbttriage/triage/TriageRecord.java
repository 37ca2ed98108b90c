package dev.dbttriage.triage;

import dev.dbttriage.classify.ErrorClass;
import java.util.Objects;

/**
 * The runbook's triage template, filled in for one root cause ("fill this out every time").
 *
 * @param dateTime when the run was written ({@code generated_at}), or {@code unknown}
 * @param model the failed node's name
 * @param materialization the materialization ({@code view}, {@code table}, {@code incremental}, ...) or
 *     {@code n/a}
 * @param errorClass the error class
 * @param firstLineError the first line of the error that matters
 * @param blastRadius the blast radius in words, such as {@code 23 downstream nodes (12 models, 11 tests)}
 * @param resolution the kind of resolution
 * @param resolutionDetail what to do, in one or two sentences
 * @param recoveryCommand the command to paste once the cause is fixed
 */
public record TriageRecord(
    String dateTime,
    String model,
    String materialization,
    ErrorClass errorClass,
    String firstLineError,
    String blastRadius,
    ResolutionKind resolution,
    String resolutionDetail,
    String recoveryCommand) {
  /** Validates the components. */
  public TriageRecord {
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(materialization, "materialization");
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(firstLineError, "firstLineError");
    Objects.requireNonNull(blastRadius, "blastRadius");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(resolutionDetail, "resolutionDetail");
    Objects.requireNonNull(recoveryCommand, "recoveryCommand");
  }
}
