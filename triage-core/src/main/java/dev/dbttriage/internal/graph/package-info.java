/** Graph plumbing shared by the lineage graph and the selector engine; not exported. */
package dev.dbttriage.internal.graph;
