/** Compact immutable collections for the artifact model. Internal: not exported by the module. */
package dev.dbttriage.internal.collect;
