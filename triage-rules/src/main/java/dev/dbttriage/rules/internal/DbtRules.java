package dev.dbttriage.rules.internal;

import static dev.dbttriage.classify.ErrorClass.COMPILATION;
import static dev.dbttriage.classify.ErrorClass.DATABASE;
import static dev.dbttriage.classify.ErrorClass.DEPENDENCY;
import static dev.dbttriage.classify.ErrorClass.FRESHNESS;
import static dev.dbttriage.classify.ErrorClass.RUNTIME;
import static dev.dbttriage.rules.internal.PatternRule.rule;

import dev.dbttriage.classify.FixLayer;
import dev.dbttriage.classify.Rule;
import dev.dbttriage.classify.Subclass;
import dev.dbttriage.classify.Transience;
import java.util.List;

/** The generic dbt pack: headers, graph and package resolution, profiles, connections, Jinja, YAML, tests. */
public final class DbtRules {
  /** A known package namespace used as {@code 'x' is undefined} means the package is not installed. */
  static final String PACKAGE_NAMES = "(?:dbt_[a-z0-9_]+|[a-z0-9_]+_utils|codegen|audit_helper|elementary|"
      + "dbtvault|automate_dv|datavault4dbt|re_data|metrics|snowplow_[a-z0-9_]+|fivetran_[a-z0-9_]+|"
      + "dbt_expectations|dbt_date|star|ga4|dbt_artifacts|dbt_project_evaluator)";
  private static final String COMPILE_CONTEXT = "(?:Compilation Error|Parsing Error|CompilationError|"
      + "TemplateSyntaxError|UndefinedError|in macro )";
  private static final String NESTED_DB = "Database Error|SQL compilation error|Syntax error:|syntax error line \\d|"
      + "\\b\\d{6} \\([0-9A-Z]{5}\\)";

  private DbtRules() {}

  /** Returns the pack's rules. */
  public static List<Rule> rules() {
    return List.of(
        rule("dbt.credentials-rejected", RUNTIME, Subclass.CREDENTIALS_INVALID_OR_EXPIRED)
            .summary("Credentials rejected, invalid or expired (password, token, key pair, OAuth)")
            .priority(800)
            .match("(?i)password authentication failed", "(?i)incorrect username or password",
                "(?i)\\binvalid_grant\\b", "(?i)Login failed for user",
                "(?i)\\b(?:jwt|oauth|access|refresh|auth(?:entication)?|session|id|bearer|api|personal access)"
                    + " token[^\\n]{0,30}\\b(?:has expired|is expired|expired|is invalid|invalid|is not valid|"
                    + "was revoked|revoked)",
                "(?i)\\binvalid (?:oauth |access |refresh |api |personal access )?(?:token|credentials)\\b",
                "(?i)\\b(?:token|credentials|password) (?:has |have )?expired",
                "(?i)Reauthentication is needed|\\bRefreshError\\b|DefaultCredentialsError|Could not automatically "
                    + "determine credentials",
                "(?i)\\bauthentication (?:failed|failure)\\b", "(?i)\\bno password supplied\\b",
                "(?i)\\b401\\b[^\\n]{0,40}\\bUnauthori[sz]ed\\b", "\\b390(?!201)\\d{3} \\([0-9A-Z]{5}\\)",
                "FATAL:\\s+role \"[^\"\\n]*\" does not exist",
                "(?i)user account (?:has been |is )?(?:temporarily )?locked|\\buser (?:is|has been) disabled\\b")
            .unless("(?i)Repository not found|git clone")
            .advice(Texts.CREDENTIALS).fixLayer(FixLayer.ENVIRONMENT).transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.connection-failed", RUNTIME, Subclass.CONNECTION_FAILED)
            .summary("dbt could not reach the warehouse, the package hub or another endpoint")
            .priority(750)
            .match("(?i)\\b(?:failed|unable|could not|couldn't|cannot) (?:to )?(?:connect|establish a "
                    + "(?:new )?connection|open (?:a )?connection|reach)",
                "(?i)\\bconnection (?:refused|reset|timed out|timeout|aborted|to server at [^\\n]{0,200} failed)",
                "(?i)could not translate host name|Name or service not known|nodename nor servname|"
                    + "Temporary failure in name resolution|getaddrinfo failed|NameResolutionError",
                "(?i)Max retries exceeded with url|HTTPS?ConnectionPool\\(|Failed to establish a new connection|"
                    + "ConnectTimeout|\\bConnectionError\\b|RemoteDisconnected|Read timed out",
                "(?i)server closed the connection unexpectedly|SSL SYSCALL error|CERTIFICATE_VERIFY_FAILED|"
                    + "\\bSSLError\\b",
                "(?i)Login timeout expired|TCP Provider|network-related or instance-specific error|"
                    + "Communication link failure",
                "(?i)Network is unreachable|No route to host|TTransportException|Error during request to server",
                "\\('08[0-9A-Z]{3}',|'C': '08[0-9A-Z]{3}'|SQLSTATE[:=]? ?08[0-9A-Z]{3}")
            .advice(Texts.CONNECTION).fixLayer(FixLayer.WAREHOUSE_OR_INFRASTRUCTURE)
            .transience(Transience.TRANSIENT)
            .build(),
        rule("dbt.profile-not-found", RUNTIME, Subclass.PROFILE_NOT_FOUND)
            .summary("The profile or target named by the project is not in profiles.yml")
            .priority(760)
            .match("(?i)Could not find (?:a )?profile named", "(?i)does not have a target named",
                "(?i)dbt looked for a profiles\\.yml|profiles\\.yml (?:file )?(?:not found|could not be found|is "
                    + "empty)|Could not find (?:a )?profiles\\.yml")
            .extract("(?i)profile named '(?<ref>[^']+)'", "(?i)target named '(?<ref>[^']+)'")
            .advice("Profile {reference} was not found: the `profile:` in dbt_project.yml and the name in "
                + "profiles.yml must match exactly (and the target must exist). Run `dbt debug`.")
            .fixLayer(FixLayer.ENVIRONMENT).transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.profiles-invalid", RUNTIME, Subclass.INVALID_CONFIG)
            .summary("profiles.yml cannot be read or its credentials block is invalid")
            .priority(740)
            .match("(?i)Could not read [^\\n]{0,300}profiles\\.yml", "(?i)Credentials in profile \"[^\"]*\", "
                + "target \"[^\"]*\" invalid", "(?i)in \"[^\"\\n]{0,300}profiles\\.yml\", line \\d+")
            .advice("profiles.yml is malformed or incomplete: fix its YAML or credentials block and run "
                + "`dbt debug`.")
            .fixLayer(FixLayer.ENVIRONMENT).transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.not-a-project", RUNTIME, Subclass.INVALID_CONFIG)
            .summary("dbt ran outside a project directory (no dbt_project.yml)")
            .priority(700)
            .match("(?i)No dbt_project\\.yml found at expected path", "(?i)Not a dbt project")
            .unless("(?i)dbt_(?:packages|modules)")
            .advice("dbt found no dbt_project.yml: run it from the project directory or pass --project-dir.")
            .fixLayer(FixLayer.ENVIRONMENT).transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.env-var-missing", COMPILATION, Subclass.ENV_VAR_MISSING)
            .summary("env_var() without a default found no such environment variable")
            .priority(760)
            .match("(?i)Env var required but not provided",
                "(?i)env_var\\([^)\\n]{0,100}\\)[^\\n]{0,40}not (?:provided|set|found)")
            .extract("(?i)not provided: '(?<ref>[^']+)'")
            .advice("Set the environment variable {reference} where dbt runs (CI secret, deployment env), or "
                + "give env_var() a default.")
            .fixLayer(FixLayer.ENVIRONMENT).transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.package-version-conflict", DEPENDENCY, Subclass.PACKAGE_VERSION_CONFLICT)
            .summary("A package and the installed dbt, or two packages, need incompatible versions")
            .priority(800)
            .match("(?i)This version of dbt is not supported with the '[^']*' package",
                "(?i)Version error for package", "(?i)Could not find a satisfactory version",
                "(?i)Required version of dbt for '", "(?i)version conflict|conflicting versions? (?:for|of)",
                "(?i)no (?:compatible|matching) version (?:found|of)",
                "(?i)Failed to read package[^\\n]{0,300}\\n[^\\n]{0,300}Additional properties are not allowed")
            .extract("(?i)with the '(?<ref>[^']+)' package", "(?i)for package '?(?<ref>[\\w/.-]+)")
            .advice("Pin a version of {reference} whose require-dbt-version includes your dbt (or upgrade dbt), "
                + "then `dbt deps`.")
            .build(),
        rule("dbt.package-missing", DEPENDENCY, Subclass.PACKAGE_MISSING)
            .summary("A package is not installed, not in the hub, or its install is broken")
            .priority(780)
            .match("'(?<ref>" + PACKAGE_NAMES + ")' is undefined",
                "(?i)dbt found \\d+ package\\(s\\) specified in packages\\.yml, but only \\d+ package\\(s\\) "
                    + "installed",
                "(?i)Package [^\\n]{1,200} was not found in the package index",
                "(?i)No dbt_project\\.yml found at expected path [^\\n]*dbt_(?:packages|modules)",
                "(?i)Failed to read package", "(?i)Error checking out spec",
                "(?i)remote: Repository not found|fatal: repository '[^'\\n]*' not found",
                "(?i)package [^\\n]{0,100} (?:is )?not installed",
                "(?i)\\bdbt_(?:packages|modules)[/\\\\][^\\n]{0,200}(?:not found|does not exist)")
            .extract("'(?<ref>" + PACKAGE_NAMES + ")' is undefined", "(?i)Package (?<ref>\\S+) was not found",
                "(?i)for repo (?<ref>\\S+)")
            .advice("Install the project's packages with `dbt deps` (check packages.yml names and versions; "
                + "delete dbt_packages/ if an install is broken), then re-run.")
            .build(),
        rule("dbt.deps-registry", DEPENDENCY, Subclass.PACKAGE_MISSING)
            .summary("An otherwise unexplained failure while dbt deps talked to the package registry")
            .priority(250)
            .match("(?i)Making package registry request|Response from registry")
            .advice("`dbt deps` failed resolving packages: check package names (packages are renamed and "
                + "moved), versions and registry access, then run `dbt deps` again.")
            .build(),
        rule("dbt.ref-not-found", DEPENDENCY, Subclass.REF_NOT_FOUND)
            .summary("A ref() to a node that does not exist, is disabled, or a unit test on a missing model")
            .priority(720)
            .match("depends on a node named '[^'\\n]*'[^\\n]{0,200}which (?:was not found|is disabled)",
                "(?i)Unable to find model '[^'\\n]*' for unit test",
                "(?i)depends on (?:a |the )?(?:node|model|seed|snapshot|metric|semantic model) named "
                    + "[^\\n]{0,200}(?:not found|disabled)")
            .extract("node named '(?<ref>[^']+)'", "(?i)Unable to find model '(?<ref>[^']+)'")
            .advice("{reference} was renamed, deleted, disabled or lives in an uninstalled package: fix the "
                + "ref(); `dbt compile --select +{model}` catches this before any SQL runs.")
            .build(),
        rule("dbt.unresolved-dependency", DEPENDENCY, Subclass.REF_NOT_FOUND)
            .summary("dbt could not infer a model's dependencies (a ref() inside a conditional block)")
            .priority(720)
            .match("(?i)dbt was unable to infer all dependencies for the model")
            .extract("(?i)depends_on: \\{\\{ ref\\('(?<ref>[^']+)'\\) \\}\\}")
            .advice("Add the hint dbt prints (`-- depends_on: {{ ref('{reference}') }}`) at the top of {model} so "
                + "the ref is known at parse time.")
            .build(),
        rule("dbt.source-not-found", DEPENDENCY, Subclass.SOURCE_NOT_FOUND)
            .summary("A source() that is not defined (or is disabled) in any sources YAML")
            .priority(725)
            .match("depends on a source named '[^'\\n]*'[^\\n]{0,200}which (?:was not found|is disabled)")
            .extract("source named '(?<ref>[^']+)'")
            .advice("Source {reference} is not defined: check the source and table names in the sources YAML "
                + "(and that the file parses); `dbt compile --select +{model}` catches it.")
            .build(),
        rule("dbt.cycle", DEPENDENCY, Subclass.CYCLE)
            .summary("dbt found a cycle in the DAG")
            .priority(730)
            .match("Found a cycle", "(?i)\\bcycle detected\\b|circular (?:dependency|reference)")
            .unless("Binder Error")
            .extract("Found a cycle: (?<ref>\\S+)")
            .advice("The graph has a cycle through {reference}: remove the self-reference or the ref() that "
                + "closes the loop (use {{ this }} for incremental self-reads).")
            .build(),
        rule("dbt.duplicate-resource", COMPILATION, Subclass.DUPLICATE_RESOURCE)
            .summary("Two resources, macros or YAML entries share a name")
            .priority(700)
            .match("(?i)dbt found two [^\\n]{1,60} with the (?:same )?name",
                "(?i)found (?:two|multiple|duplicate) [^\\n]{0,60}(?:named|with the (?:same )?name)",
                "(?i)dbt found two schema\\.yml entries", "(?i)duplicate (?:resource|model|node) name")
            .advice("Rename one of the two resources (or disable one); names must be unique across the project "
                + "and its packages.")
            .build(),
        rule("dbt.doc-not-found", COMPILATION, Subclass.DOC_NOT_FOUND)
            .summary("A doc() block that does not exist")
            .priority(700)
            .match("(?i)depends on doc '[^'\\n]*'[^\\n]{0,60}which was not found",
                "(?i)\\bdoc\\(['\"][^)\\n]{0,100}\\)[^\\n]{0,60}(?:not found|does not exist)")
            .extract("(?i)depends on doc '(?<ref>[^']+)'")
            .advice("The docs block {reference} is missing: add it to a .md file under the project or fix the "
                + "name in doc().")
            .build(),
        rule("dbt.contract-violation", COMPILATION, Subclass.CONTRACT_VIOLATION)
            .summary("A model's enforced contract does not match its output")
            .priority(700)
            .match("(?i)This model has an enforced contract", "(?i)\\bContract Error\\b",
                "(?i)contract[^\\n]{0,60}(?:mismatch|does not match|violat)",
                "(?i)ensure the name, data_type, and number of columns in your contract")
            .advice("Make the model's columns and types match its contract (or update the contract "
                + "deliberately), then re-run {model}.")
            .build(),
        rule("dbt.on-schema-change-fail", COMPILATION, Subclass.SCHEMA_CHANGE_NOT_ALLOWED)
            .summary("on_schema_change: fail stopped an incremental model whose schema changed")
            .priority(720)
            .match("(?i)source and target schemas on this incremental model are out of sync",
                "(?i)on_schema_change[^\\n]{0,40}\\bfail\\b")
            .advice(Texts.SCHEMA_CHANGE)
            .build(),
        rule("dbt.deprecation", COMPILATION, Subclass.DEPRECATION)
            .summary("A removed or deprecated macro or feature raised an error")
            .priority(650)
            .match("(?i)has been (?:replaced|removed|deprecated)\\b", "(?i)\\bis deprecated\\b",
                "(?i)deprecated in favou?r of", "(?i)\\bno longer supported\\b")
            .when(c -> c.text().contains("Compilation Error") || c.text().contains("in macro"))
            .advice("A package or dbt removed what this code calls: switch to the replacement named in the "
                + "message (or pin the older package version) and re-run.")
            .build(),
        rule("dbt.jinja-syntax", COMPILATION, Subclass.JINJA_SYNTAX)
            .summary("Jinja that does not parse (unknown or unclosed tags, unexpected tokens)")
            .priority(560)
            .match("Encountered unknown tag '", "(?i)unexpected end of template",
                "unexpected 'end of (?:print statement|statement block|template)'", "(?i)unexpected EOF",
                "Got an unexpected control flow end tag", "expected token '[^'\\n]*', got '",
                "(?i)tag name expected|Missing end of comment tag|Reached EOF without finding|"
                    + "TemplateSyntaxError|Jinja was looking for the following tags|You probably made a nesting "
                    + "mistake|The innermost block that needs to be closed",
                "(?i)Failed to parse macro", "(?i)unexpected char '", "(?i)unclosed (?:string|comment|block|tag)",
                "(?m)^[ \\t]*unexpected '[^'\\n]{1,40}'[ \\t]*$")
            .unless(NESTED_DB)
            .advice("Fix the Jinja at the line shown (unclosed or misnested if/for/macro blocks, stray braces); "
                + "`dbt compile --select {model}` shows the expanded error.")
            .build(),
        rule("dbt.undefined-macro-or-var", COMPILATION, Subclass.UNDEFINED_MACRO_OR_VAR)
            .summary("An undefined Jinja name, macro or project variable")
            .priority(550)
            .match("'[^'\\n]{1,200}' is undefined", "Required var '[^'\\n]*' not found",
                "(?i)The name argument to ref\\(\\) must be a string, got <class '[^'\\n]*Undefined",
                "'[^'\\n]{1,80} object' has no attribute '", "(?i)\\bUndefinedError\\b",
                "(?i)(?:Could not find|No) macro (?:named )?'[^'\\n]*'", "(?i)macro '[^'\\n]*' (?:not found|is "
                    + "not defined|does not exist)")
            .unless(NESTED_DB)
            .extract("'(?<ref>[^'\\n]{1,200})' is undefined", "Required var '(?<ref>[^'\\n]*)'")
            .advice("{reference} is not defined: check the spelling, pass the var (--vars or dbt_project.yml), "
                + "or install the package that provides the macro (`dbt deps`).")
            .build(),
        rule("dbt.jinja-runtime", COMPILATION, Subclass.JINJA_RUNTIME_ERROR)
            .summary("Jinja parsed but failed while rendering (a Python error inside a macro or model)")
            .priority(540)
            .match("['\u2018](?:NoneType|str|int|list|dict|tuple|float|bool|function|method|Undefined)['\u2019] object "
                    + "(?:is not|has no|does not)",
                "(?i)unsupported operand type|not all arguments converted|got an unexpected keyword argument|cannot unpack|"
                    + "non-iterable|\\bNoneType\\b|"
                    + "missing \\d+ required positional argument|takes (?:no|\\d+|at most \\d+|at least \\d+|exactly \\d+) "
                    + "(?:positional |keyword )?"
                    + "arguments?|list index out of range|string indices must be integers|invalid literal for|"
                    + "is not iterable|is not callable|is not subscriptable|can only concatenate|maximum "
                    + "recursion depth",
                "\\b(?:KeyError|TypeError|ValueError|AttributeError|IndexError|ZeroDivisionError)\\b")
            .when(c -> c.text().contains("Compilation Error") || c.text().contains("CompilationError"))
            .unless(NESTED_DB)
            .advice("A macro or model failed while rendering (a value was None or of the wrong type): read the "
                + "macro trace and guard the value; `dbt compile --select {model}` reproduces it.")
            .build(),
        rule("dbt.user-raised", COMPILATION, Subclass.USER_RAISED_ERROR)
            .summary("Project or package code raised a compiler error (raise_compiler_error)")
            .priority(260)
            .match("(?m)^> in macro ", "(?m)^> called by ", "raise_compiler_error")
            .when(c -> c.text().contains("Compilation Error") || c.text().contains("CompilationError"))
            .unless(NESTED_DB)
            .advice("A macro in the trace raised this error on purpose: read its message and satisfy the check "
                + "(a missing var or argument, an unsupported config).")
            .build(),
        rule("dbt.invalid-config", COMPILATION, Subclass.INVALID_CONFIG)
            .summary("Invalid project or schema YAML or config (Parsing Error, schema validation)")
            .priority(300)
            .match("Parsing Error", "(?i)Invalid [a-z_ ]{1,40} config(?:uration)? given in",
                "(?i)The schema file at [^\\n]* is invalid", "(?i)at path \\[[^\\]\\n]*\\]: ",
                "(?i)Syntax error near line \\d+", "(?i)Error reading [^\\n]{1,300}\\.ya?ml",
                "(?i)mapping values are not allowed|could not find expected ':'|while (?:parsing|scanning) a "
                    + "(?:block|simple key|flow)|found character '[^'\\n]*' that cannot start any token|"
                    + "found undefined alias",
                "(?i)test definition dictionary must have exactly one key",
                "(?i)Additional properties are not allowed|is a required property|is not of type '",
                "(?i)must be configured with a",
                "(?i)Invalid (?:incremental )?strategy|is not a valid (?:materialization|incremental_strategy|"
                    + "strategy|config|value)",
                "(?i)dbt_project\\.yml[^\\n]{0,100}(?:invalid|does not match|validation)",
                "(?i)No materialization '[^'\\n]*' was found for adapter", "(?i)Invalid config version",
                "(?i)Error encountered in [^\\n]{0,300}dbt_project\\.yml",
                "(?i)Snapshot target is not a snapshot table")
            .unless(NESTED_DB)
            .advice("Fix the YAML or config at the file and path shown (indentation, keys, required "
                + "properties); `dbt parse` checks the whole project quickly.")
            .build(),
        rule("dbt.file-lock", RUNTIME, Subclass.CONCURRENT_MODIFICATION)
            .summary("A local file is locked by another process (Windows, DuckDB database file)")
            .priority(760)
            .match("WinError 32", "(?i)being used by another process", "(?i)Could not set lock on file",
                "(?i)Conflicting lock is held", "(?i)\\bdatabase is locked\\b")
            .advice("Another process holds the file (an open DuckDB session, an editor, a second dbt run): "
                + "close it and retry.")
            .fixLayer(FixLayer.ENVIRONMENT).transience(Transience.TRANSIENT)
            .build(),
        // dbt's own wrapper around an exception it did not expect while running a node ("Unhandled error while
        // executing <node>"): an adapter or driver bug more often than not, fixed by a version change. A more
        // specific rule (a dropped connection, a timeout) wins over it.
        rule("dbt.unhandled-error", RUNTIME, Subclass.INTERNAL_ERROR)
            .summary("Unhandled error while executing a node / dbt internally failed (an adapter or driver bug)")
            .priority(450)
            .match("(?i)Unhandled error while executing", "(?i)dbt internally failed to execute",
                "(?i)dbt encountered an internal error")
            .advice("dbt or the adapter failed on something it did not expect, not on your SQL: read the line "
                + "after this one, check dbt-core, the adapter and its driver versions (`dbt --version`) against the "
                + "adapter's issue tracker for that message, and upgrade or pin the one that fixes it.")
            .fixLayer(FixLayer.ENVIRONMENT).transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.python-exception", RUNTIME, Subclass.INTERNAL_ERROR)
            .summary("dbt or an adapter crashed with a bare Python exception, or versions are incompatible")
            .priority(400)
            .match("(?m)^[ \\t]*'[^'\\n]{1,200}\\\\?'[ \\t]*$",
                "['\u2018](?:NoneType|str|int|list|dict|tuple|float|bool|function|module)['\u2019] object (?:is not|has no|cannot)",
                "\\b(?:KeyError|IndexError|AttributeError|TypeError|ValueError|ImportError|ModuleNotFoundError|"
                    + "NameError|AssertionError|RecursionError|UnicodeDecodeError|NotImplementedError|"
                    + "JSONDecodeError)\\b",
                "(?i)No module named|cannot import name|Traceback \\(most recent call last\\)", "\\[Errno -?\\d+\\]",
                "(?i)Invalid value from \"show table extended|got \\d+ values?, expected \\d+",
                "(?i)dbt encountered an internal error|\\bInternal Error\\b",
                "(?i)is not compatible with (?:dbt|this version)|requires dbt(?:-core)? version|version mismatch")
            .unless(COMPILE_CONTEXT, NESTED_DB)
            .advice("dbt or the adapter crashed: check dbt-core and adapter versions (`dbt --version`, "
                + "`dbt debug`), the inputs named in the log, and search the adapter's issues for the message.")
            .fixLayer(FixLayer.ENVIRONMENT).transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.freshness-stale", FRESHNESS, Subclass.FRESHNESS_ERROR)
            .summary("dbt source freshness: a source is past error_after (ERROR STALE)")
            .priority(720)
            .match("\\bERROR STALE\\b", "(?i)\\bfreshness of [^\\n]{0,200}\\bERROR STALE\\b")
            .extract("freshness of (?<rel>[\\w.\"`-]+)")
            .advice("Source {relation} is late: fix the upstream ingestion (not dbt); re-check with "
                + "`dbt source freshness --select source:{relation}`.")
            .transience(Transience.PERSISTENT)
            .build(),
        rule("dbt.freshness-warn", FRESHNESS, Subclass.FRESHNESS_WARN)
            .summary("dbt source freshness: a source is past warn_after")
            .priority(720)
            .match("\\bWARN freshness of\\b", "(?i)\\bWarning in source\\b")
            .extract("freshness of (?<rel>[\\w.\"`-]+)")
            .advice("Source {relation} is getting late (warn_after): check the upstream ingestion before it "
                + "reaches error_after.")
            .build(),
        rule("dbt.freshness-check-error", FRESHNESS, Subclass.FRESHNESS_CHECK_ERROR)
            .summary("dbt source freshness: the freshness query itself failed (ERROR without STALE)")
            .priority(710)
            .match("\\b(?:RUNTIME )?ERROR freshness of\\b")
            .unless("\\bERROR STALE\\b")
            .extract("freshness of (?<rel>[\\w.\"`-]+)")
            .advice("The freshness query for {relation} failed: read the 'Database Error in source' at the end "
                + "of the log (missing table, wrong loaded_at_field type or permission).")
            .build(),
        rule("dbt.freshness-failure-summary", FRESHNESS, Subclass.FRESHNESS_ERROR)
            .summary("dbt source freshness end-of-run summary: Failure in source ... Status: error")
            .priority(700)
            .match("\\bFailure in source\\b")
            .unless("Database Error|Runtime Error|Compilation Error")
            .extract("Failure in source (?<rel>[\\w.\"`-]+)")
            .advice("Source {relation} failed its freshness check: fix the upstream ingestion, not dbt.")
            .build(),
        rule("dbt.progress-error", DATABASE, Subclass.OTHER)
            .summary("Only a progress line such as 'N of M ERROR creating ... model' (not freshness) is shown")
            .priority(120)
            .match("\\b\\d+ of \\d+ ERROR (?!STALE\\b|freshness\\b)\\S")
            .extract("ERROR (?:creating|snapshotting|loading|inserting|running) [\\w ]{0,40}?(?<rel>[\\w\"`]+\\.[\\w.\"`]+)")
            .advice("Only the progress line is here: find 'Database Error in ...' for this node further down the "
                + "log (or in run_results.json) for the cause.")
            .build(),
        rule("dbt.database-error", DATABASE, Subclass.OTHER)
            .summary("A Database Error header whose cause no more specific rule recognised")
            .priority(140)
            .match("\\bDatabase Error\\b")
            .advice(Texts.DATABASE_OTHER)
            .build(),
        rule("dbt.runtime-error-in-node", DATABASE, Subclass.OTHER)
            .summary("A 'Runtime Error in model/test/...' header (adapters print warehouse errors this way)")
            .priority(130)
            .match("Runtime Error in (?:model|test|snapshot|seed|source|operation|sql_operation|unit_test)\\b")
            .advice(Texts.DATABASE_OTHER)
            .build(),
        rule("dbt.compilation-error", COMPILATION, Subclass.OTHER)
            .summary("A Compilation Error header whose cause no more specific rule recognised")
            .priority(140)
            .match("\\bCompilation Error\\b", "\\bCompilationError\\b")
            .advice("Run `dbt compile --select {model}` locally, read the expanded Jinja error, patch and "
                + "re-push.")
            .build(),
        rule("dbt.encountered-error", RUNTIME, Subclass.INTERNAL_ERROR)
            .summary("A project-level 'Encountered an error' or Runtime Error with no recognised cause")
            .priority(100)
            .match("(?i)Encountered an error|\\bRuntime Error\\b|dbt runtime exception|\\bInternal Error\\b")
            .advice("Run `dbt debug`, then read the lines after this one in logs/dbt.log for the cause.")
            .fixLayer(FixLayer.ENVIRONMENT)
            .build(),
        rule("dbt.python-model", DATABASE, Subclass.PYTHON_MODEL_ERROR)
            .summary("A Python model failed while running in the warehouse")
            .priority(610)
            .match("(?i)Python Interpreter Error", "(?i)python model[^\\n]{0,80}(?:failed|error)",
                "(?i)Error (?:running|executing) python model", "\\bSnowparkSQLException\\b|\\bPySparkException\\b")
            .advice("The Python model's code failed in the warehouse: read the Python traceback, reproduce the "
                + "model's function with a sample DataFrame, fix and re-run {model}.")
            .build(),
        rule("fusion.static-analysis-missing-column", COMPILATION, Subclass.MISSING_COLUMN)
            .summary("dbt Fusion static analysis (dbt0xxx) found a column that does not exist, before any SQL ran")
            .priority(620)
            .match("(?i)\\bdbt0\\d{3}: [^\\n]{0,60}\\bNo column [^\\n]{1,200}\\bfound\\b",
                "(?i)\\bdbt0\\d{3}: [^\\n]{0,100}\\bcolumn [^\\n]{1,200}(?:not found|does not exist|cannot be "
                    + "resolved)")
            .extract("(?i)No column (?<col>[\\w.\"`]+) found")
            .advice("dbt Fusion's static analysis cannot find column {column}: fix the reference in {model}, or, "
                + "for a system catalog column it does not model, turn static analysis off for this model.")
            .build(),
        new TestFailureRule(),
        new FreshnessStatusRule());
  }
}
