package dev.dbttriage.select;

import dev.dbttriage.artifact.InvocationArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to select, as the flags of one dbt invocation: {@code --select} (or {@code --models}), {@code --exclude},
 * {@code --selector}, {@code --resource-type}, {@code --exclude-resource-type}, {@code --indirect-selection} and
 * the command. Select and exclude values are kept as given; each is split on single spaces when evaluated, as
 * dbt does. Instances are immutable and thread-safe.
 */
public final class SelectionRequest {
  private final List<String> select;
  private final List<String> exclude;
  private final Optional<String> selector;
  private final List<String> resourceTypes;
  private final List<String> excludeResourceTypes;
  private final IndirectSelection indirectSelection;
  private final SelectionCommand command;
  private final boolean models;

  private SelectionRequest(Builder b) {
    this.select = List.copyOf(b.select);
    this.exclude = List.copyOf(b.exclude);
    this.selector = Optional.ofNullable(b.selector);
    this.resourceTypes = List.copyOf(b.resourceTypes);
    this.excludeResourceTypes = List.copyOf(b.excludeResourceTypes);
    this.indirectSelection = b.indirectSelection;
    this.command = b.command;
    this.models = b.models;
  }

  /** Returns a builder for an {@code ls} request with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the request a recorded invocation made (the {@code args} of its {@code run_results.json}), so a run's
   * own selection can be evaluated again.
   *
   * @param args the recorded arguments
   * @return the request; the command is {@code ls} when not recorded or not a selecting command
   * @throws SelectorSyntaxException if the recorded indirect selection is not one dbt knows
   */
  public static SelectionRequest fromInvocation(InvocationArgs args) {
    Objects.requireNonNull(args, "args");
    Builder b = builder();
    b.select(args.select()).exclude(args.exclude());
    args.selector().filter(s -> !s.isEmpty()).ifPresent(b::selector);
    b.resourceTypes(args.resourceTypes()).excludeResourceTypes(args.excludeResourceTypes());
    args.indirectSelection().filter(s -> !s.isEmpty())
        .ifPresent(s -> b.indirectSelection(IndirectSelection.fromFlag(s.toLowerCase(java.util.Locale.ROOT))));
    if (args.command().isPresent()) {
      String c = args.command().get();
      try {
        b.command(SelectionCommand.fromName(c));
      } catch (SelectorSyntaxException e) {
        b.command(SelectionCommand.LS);
      }
    }
    Object models = args.raw().get("models");
    if (args.select().isEmpty() && models instanceof List<?> list && !list.isEmpty()) {
      List<String> values = new ArrayList<>();
      list.forEach(v -> values.add(String.valueOf(v)));
      b.select(values);
      b.models(b.command == SelectionCommand.LS);
    }
    return b.build();
  }

  /** Returns the {@code --select} (or {@code --models}) values; empty means dbt's default selection. */
  public List<String> select() {
    return select;
  }

  /** Returns the {@code --exclude} values. */
  public List<String> exclude() {
    return exclude;
  }

  /** Returns the {@code --selector} name, if any (it wins over select and exclude). */
  public Optional<String> selector() {
    return selector;
  }

  /** Returns the {@code --resource-type} values ({@code all} and {@code default} allowed). */
  public List<String> resourceTypes() {
    return resourceTypes;
  }

  /** Returns the {@code --exclude-resource-type} values. */
  public List<String> excludeResourceTypes() {
    return excludeResourceTypes;
  }

  /** Returns the indirect selection mode. */
  public IndirectSelection indirectSelection() {
    return indirectSelection;
  }

  /** Returns the command whose result set is computed. */
  public SelectionCommand command() {
    return command;
  }

  /** Returns true when the select values came from {@code ls --models}, which implies resource type model. */
  public boolean models() {
    return models;
  }

  @Override
  public String toString() {
    return "SelectionRequest[command=" + command.commandName() + ", select=" + select + ", exclude=" + exclude
        + ", selector=" + selector.orElse("") + ", resourceTypes=" + resourceTypes + ", excludeResourceTypes="
        + excludeResourceTypes + ", indirectSelection=" + indirectSelection.flagValue() + ", models=" + models + "]";
  }

  /** Builds a {@link SelectionRequest}. Not thread-safe. */
  public static final class Builder {
    private List<String> select = new ArrayList<>();
    private List<String> exclude = new ArrayList<>();
    private String selector;
    private List<String> resourceTypes = new ArrayList<>();
    private List<String> excludeResourceTypes = new ArrayList<>();
    private IndirectSelection indirectSelection = IndirectSelection.EAGER;
    private SelectionCommand command = SelectionCommand.LS;
    private boolean models;

    private Builder() {}

    /** Replaces the select values. */
    public Builder select(List<String> values) {
      this.select = new ArrayList<>(values);
      return this;
    }

    /** Appends select values. */
    public Builder select(String... values) {
      this.select.addAll(List.of(values));
      return this;
    }

    /** Replaces the exclude values. */
    public Builder exclude(List<String> values) {
      this.exclude = new ArrayList<>(values);
      return this;
    }

    /** Appends exclude values. */
    public Builder exclude(String... values) {
      this.exclude.addAll(List.of(values));
      return this;
    }

    /** Sets the {@code --selector} name, or null for none. */
    public Builder selector(String name) {
      this.selector = name;
      return this;
    }

    /** Replaces the resource types. */
    public Builder resourceTypes(List<String> values) {
      this.resourceTypes = new ArrayList<>(values);
      return this;
    }

    /** Replaces the excluded resource types. */
    public Builder excludeResourceTypes(List<String> values) {
      this.excludeResourceTypes = new ArrayList<>(values);
      return this;
    }

    /** Sets the indirect selection mode. */
    public Builder indirectSelection(IndirectSelection mode) {
      this.indirectSelection = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Sets the command. */
    public Builder command(SelectionCommand value) {
      this.command = Objects.requireNonNull(value, "command");
      return this;
    }

    /** Marks the select values as given through {@code ls --models}. */
    public Builder models(boolean value) {
      this.models = value;
      return this;
    }

    /** Returns the request. */
    public SelectionRequest build() {
      return new SelectionRequest(this);
    }
  }
}
