package dev.dbttriage.artifact;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code args} of the invocation that wrote a {@code run_results.json}: the command and its selection.
 *
 * <p>Older files record fewer keys (run_results v1 has no {@code args}); what is missing is empty.
 * {@code select} and {@code exclude} are the tokens as dbt stored them (dbt stores a tuple of strings; older
 * versions a single string, which the reader splits on spaces). Instances are immutable and thread-safe.
 *
 * @param command the dbt command ({@code which}: {@code run}, {@code build}, {@code test}, {@code seed},
 *     {@code snapshot}, {@code compile}, {@code source freshness} is {@code freshness}), if recorded
 * @param select the {@code --select} (or {@code --models}) tokens
 * @param exclude the {@code --exclude} tokens
 * @param selector the {@code --selector} name, if any
 * @param resourceTypes the {@code --resource-type} values
 * @param excludeResourceTypes the {@code --exclude-resource-type} values
 * @param indirectSelection the {@code --indirect-selection} mode, if recorded
 * @param fullRefresh whether {@code --full-refresh} was given
 * @param failFast whether {@code --fail-fast} was given
 * @param state the {@code --state} directory, if any
 * @param defer whether {@code --defer} was given
 * @param raw every recorded argument as plain Java values
 */
public record InvocationArgs(
    Optional<String> command,
    List<String> select,
    List<String> exclude,
    Optional<String> selector,
    List<String> resourceTypes,
    List<String> excludeResourceTypes,
    Optional<String> indirectSelection,
    boolean fullRefresh,
    boolean failFast,
    Optional<String> state,
    boolean defer,
    Map<String, Object> raw) {

  /** No recorded arguments. */
  public static final InvocationArgs NONE = new InvocationArgs(Optional.empty(), List.of(), List.of(),
      Optional.empty(), List.of(), List.of(), Optional.empty(), false, false, Optional.empty(), false, Map.of());

  /** Validates and copies the components. */
  public InvocationArgs {
    Objects.requireNonNull(command, "command");
    select = List.copyOf(select);
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(selector, "selector");
    resourceTypes = List.copyOf(resourceTypes);
    excludeResourceTypes = List.copyOf(excludeResourceTypes);
    Objects.requireNonNull(indirectSelection, "indirectSelection");
    Objects.requireNonNull(state, "state");
    raw = PlainValues.copyMap(raw);
  }
}
