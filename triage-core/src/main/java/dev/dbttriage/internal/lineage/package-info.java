/** The compact lineage index shared by the lineage graph and the selector engine; not exported. */
package dev.dbttriage.internal.lineage;
