/** Graph plumbing shared by the engines. Internal: not exported by the module. */
package dev.dbttriage.internal.graph;
