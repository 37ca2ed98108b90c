package dev.dbttriage.triage;

import java.util.Objects;
import java.util.Optional;

/**
 * An exposure (dashboard, application, ML model, notebook, analysis) downstream of a root cause.
 *
 * @param uniqueId the exposure's unique id
 * @param name the exposure's name (its label when it has one)
 * @param type the exposure type ({@code dashboard}, {@code application}, {@code ml}, ...), if recorded
 * @param maturity the maturity ({@code high}, {@code medium}, {@code low}), if recorded
 * @param ownerName the owner's name, if recorded
 * @param ownerEmail the owner's email, if recorded
 * @param url the URL, if recorded
 */
public record ExposureImpact(
    String uniqueId,
    String name,
    Optional<String> type,
    Optional<String> maturity,
    Optional<String> ownerName,
    Optional<String> ownerEmail,
    Optional<String> url) {
  /** Validates the components. */
  public ExposureImpact {
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(maturity, "maturity");
    Objects.requireNonNull(ownerName, "ownerName");
    Objects.requireNonNull(ownerEmail, "ownerEmail");
    Objects.requireNonNull(url, "url");
  }

  /** Returns the owner as {@code name <email>}, or whichever part is recorded. */
  public Optional<String> owner() {
    if (ownerName.isPresent() && ownerEmail.isPresent()) {
      return Optional.of(ownerName.get() + " <" + ownerEmail.get() + ">");
    }
    return ownerName.or(() -> ownerEmail);
  }
}
