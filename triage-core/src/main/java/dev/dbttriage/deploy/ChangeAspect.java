package dev.dbttriage.deploy;

/**
 * What differs between two versions of one resource, described for people and for deploy findings, named after
 * dbt's {@code state:modified} sub-selectors where one fits. Whether dbt selects the resource is decided by
 * {@link dev.dbttriage.select.ManifestComparison} and recorded in {@link NodeChange#stateModified()}, not
 * derived from these aspects.
 */
public enum ChangeAspect {
  /** The file's contents ({@code checksum}): {@code state:modified.body}. */
  BODY(true),
  /** The config as written ({@code unrendered_config}): {@code state:modified.configs}. */
  CONFIG(true),
  /** The database, schema or alias: {@code state:modified.relation}. */
  RELATION(true),
  /** The descriptions dbt persists to the warehouse: {@code state:modified.persisted_descriptions}. */
  PERSISTED_DESCRIPTION(true),
  /** The contract (enforcement, or the declared columns of an enforced contract): {@code state:modified.contract}. */
  CONTRACT(true),
  /** A macro the resource calls: {@code state:modified.macros}. */
  MACROS(true),
  /** The declared columns (names, types, constraints) without an enforced contract; not selected by dbt. */
  COLUMNS(false),
  /** A description that is not persisted; not selected by dbt. */
  DESCRIPTION(false),
  /** The access level, version or latest version. */
  ACCESS(true),
  /** The versions: {@code latest_version} or {@code deprecation_date}. */
  VERSION(false);

  private final boolean stateModified;

  ChangeAspect(boolean stateModified) {
    this.stateModified = stateModified;
  }

  /**
   * Returns true when this kind of difference is one dbt's {@code state:modified} compares; for one resource's
   * answer read {@link NodeChange#stateModified()}.
   */
  public boolean selectedByStateModified() {
    return stateModified;
  }
}
