/**
 * The artifact model: immutable, version-independent records of what dbt wrote into {@code target/}
 * ({@link dev.dbttriage.artifact.Manifest}, {@link dev.dbttriage.artifact.RunResults},
 * {@link dev.dbttriage.artifact.SourceFreshness}, {@link dev.dbttriage.artifact.Catalog}), and
 * {@link dev.dbttriage.artifact.Artifacts}, the readers for every schema version dbt has shipped.
 *
 * <p>Every type here is immutable and thread-safe. Absence is {@code Optional} or an empty collection.
 */
package dev.dbttriage.artifact;
