/**
 * The lineage graph of a manifest: every enabled node, source, exposure, metric, semantic model, saved query,
 * unit test and function, with an edge from each resource to every resource that lists it in
 * {@code depends_on.nodes}. Start at {@link dev.dbttriage.lineage.LineageGraph#of}.
 */
package dev.dbttriage.lineage;
