/**
 * dbt command lines as values: {@link dev.dbttriage.command.DbtCommand} (one immutable type every engine prints
 * commands with, quoted for a POSIX shell and adapted to the run's dbt version), the dbt versions and features
 * it checks against ({@link dev.dbttriage.command.DbtVersion}, {@link dev.dbttriage.command.DbtFeature}), the
 * failed run's own invocation ({@link dev.dbttriage.command.InvocationContext}) and the commands dbt re-runs each
 * resource type with ({@link dev.dbttriage.command.NodeCommands}).
 */
package dev.dbttriage.command;
