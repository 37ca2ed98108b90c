/**
 * Safe deploys: {@link dev.dbttriage.deploy.DeployCheck} compares the production manifest with a candidate and
 * reports the changed resources ({@link dev.dbttriage.deploy.ManifestDiff}, on top of
 * {@link dev.dbttriage.select.ManifestComparison}), the slim-CI selection
 * {@code state:modified+}, the backward-incompatible changes versus safe additive ones with their consumers,
 * and the rollback strategies that fit the adapter (Blue/Green swap, clone or time travel, rebuild at the last
 * green commit) with their expected recovery time.
 *
 * <p>Every type here is immutable and thread-safe. Absence is {@code Optional} or an empty collection.
 */
package dev.dbttriage.deploy;
