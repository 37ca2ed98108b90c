#!/usr/bin/env python3
"""Writes the bundled sample failing run of the made-up dbt project `jaffle_ops`.

Deterministic (no clock, no randomness beyond a seeded PRNG), standard library only. Run from anywhere:

    python3 triage-examples/src/sample-gen/make_sample.py [--check SCHEMA_DIR]

It writes manifest.json (v12), run_results.json (v6), sources.json (v3) and catalog.json (v1) into
triage-examples/src/main/resources/dev/dbttriage/examples/sample/. With --check it also validates them
against the official JSON schemas in SCHEMA_DIR (needs the `jsonschema` module; otherwise checks the
top-level required keys only).

The run's statuses are not written by hand: the script schedules a `dbt build` over the DAG the way dbt
does (tests become parents of every node whose ancestors cover all of the test's dependencies; an error or
an error-severity test failure skips every descendant; ephemeral models are compiled into their children
and never executed) on 8 threads, and derives the timings from that schedule.
"""
import hashlib
import json
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

PROJECT = "jaffle_ops"
DB = "ANALYTICS"
RAW_DB = "RAW"
TARGET_SCHEMA = "PROD"
DBT_VERSION = "1.10.11"
THREADS = 8
INVOCATION_ID = "5f0c3a4e-2b1d-4c8e-9a7f-6d2e1b0c9a41"
STARTED = datetime(2026, 11, 20, 5, 0, 3, 412_000, tzinfo=timezone.utc)
PARSED_AT = 1795150800.0  # 2026-11-20T05:00:00Z, for created_at
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "dev", "dbttriage",
                   "examples", "sample")

rng = random.Random(20261120)


def md5(text):
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iso(ts):
    return ts.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def query_id(n):
    h = md5("q%d" % n)
    return "01c06a1b-0306-%s-0000-%s" % (h[:4], h[4:16])


# --------------------------------------------------------------------------------------------------------------
# The project. Columns are "name type" with Snowflake types as declared in YAML (lower case) and as the catalog
# returns them (upper case). Tests per column: u = unique, nn = not_null, av:<a|b|c> = accepted_values,
# rel:<model>.<column> = relationships.
# --------------------------------------------------------------------------------------------------------------

SEEDS = {
    "country_codes": ("iso_code varchar nn u", "country_name varchar nn", "region varchar"),
    "payment_method_map": ("stripe_method varchar nn u", "payment_method varchar nn"),
    "plan_tiers": ("plan_id varchar nn u", "tier varchar av:starter|growth|enterprise", "monthly_price number(38,2)"),
}

# source name -> (schema, loader, freshness (warn hours, error hours) or None, loaded_at_field, tables)
SOURCES = {
    "shop": ("SHOPIFY", "fivetran", (12, 24), "_fivetran_synced", {
        "orders": ("id number nn u", "customer_id number nn", "created_at timestamp_ntz", "financial_status varchar",
                   "total_price number(38,2)", "_fivetran_synced timestamp_tz"),
        "order_items": ("id number nn u", "order_id number nn", "product_id number", "quantity number",
                        "price number(38,2)", "_fivetran_synced timestamp_tz"),
        "customers": ("id number nn u", "email varchar", "country_code varchar", "created_at timestamp_ntz",
                      "updated_at timestamp_ntz", "_fivetran_synced timestamp_tz"),
        "products": ("id number nn u", "title varchar", "product_type varchar", "cost number(38,2)",
                     "_fivetran_synced timestamp_tz"),
        "refunds": ("id number nn", "order_id number", "amount number(38,2)", "created_at timestamp_ntz",
                    "_fivetran_synced timestamp_tz"),
    }),
    "stripe": ("STRIPE", "fivetran", (6, 24), "_fivetran_synced", {
        "payments": ("id varchar nn u", "order_id number", "amount number(38,2)", "currency varchar",
                     "payment_method_type varchar", "status varchar", "created timestamp_ntz",
                     "_fivetran_synced timestamp_tz"),
        "invoices": ("id varchar nn u", "subscription_id varchar", "amount_due number(38,2)", "status varchar",
                     "period_start timestamp_ntz", "_fivetran_synced timestamp_tz"),
        "subscriptions": ("id varchar nn u", "customer varchar", "plan_id varchar", "status varchar",
                          "current_period_start timestamp_ntz", "canceled_at timestamp_ntz",
                          "_fivetran_synced timestamp_tz"),
    }),
    "hubspot": ("HUBSPOT", "fivetran", (24, 72), "_fivetran_synced", {
        "contacts": ("id number nn", "email varchar", "lifecycle_stage varchar", "_fivetran_synced timestamp_tz"),
        "deals": ("id number nn", "contact_id number", "deal_stage varchar", "amount number(38,2)",
                  "close_date date", "_fivetran_synced timestamp_tz"),
    }),
    "segment": ("SEGMENT", "segment", (2, 6), "received_at", {
        "tracks": ("id varchar nn", "anonymous_id varchar", "user_id varchar", "event varchar",
                   "context_campaign_name varchar", "timestamp timestamp_ntz", "received_at timestamp_ntz"),
        "pages": ("id varchar nn", "anonymous_id varchar", "user_id varchar", "url varchar",
                  "timestamp timestamp_ntz", "received_at timestamp_ntz"),
    }),
    "zendesk": ("ZENDESK", "stitch", None, None, {
        "tickets": ("id number nn u", "requester_email varchar", "status varchar", "priority varchar",
                    "created_at timestamp_ntz", "solved_at timestamp_ntz"),
    }),
}

SNAPSHOTS = {
    "snap_customers": dict(src=("source", "shop", "customers"), unique_key="id", strategy="check",
                           check_cols=["email", "country_code"], cols=(
                               "id number", "email varchar", "country_code varchar", "dbt_valid_from timestamp_ntz",
                               "dbt_valid_to timestamp_ntz")),
    "snap_subscriptions": dict(src=("source", "stripe", "subscriptions"), unique_key="id", strategy="timestamp",
                               updated_at="current_period_start", cols=(
                                   "id varchar", "plan_id varchar", "status varchar", "dbt_valid_from timestamp_ntz",
                                   "dbt_valid_to timestamp_ntz")),
}

# Owners by folder (meta.owner).
OWNERS = {
    "staging": "analytics-engineering",
    "intermediate": "analytics-engineering",
    "core": "analytics-engineering",
    "finance": "finance-analytics",
    "marketing": "growth-analytics",
    "sales": "growth-analytics",
    "support": "cx-analytics",
    "product": "product-analytics",
}

GROUPS = {
    "finance": ("Finance Analytics", "finance-analytics@jaffle-ops.example"),
    "growth": ("Growth Analytics", "growth-analytics@jaffle-ops.example"),
}

# name -> (folder path under models/, materialization, parents, columns, extra config)
# parents: "m:<model>", "s:<source>.<table>", "d:<seed>", "n:<snapshot>"
MODELS = [
    # staging
    ("stg_shop__orders", "staging/shop", "view", ["s:shop.orders"],
     ("order_id number nn u", "customer_id number nn", "ordered_at timestamp_ntz nn",
      "status varchar av:placed|shipped|completed|return_pending|returned", "order_total number(38,2)"), {}),
    ("stg_shop__order_items", "staging/shop", "view", ["s:shop.order_items"],
     ("order_item_id number nn u", "order_id number nn", "product_id number", "quantity number",
      "unit_price number(38,2)"), {}),
    ("stg_shop__customers", "staging/shop", "view", ["s:shop.customers"],
     ("customer_id number nn u", "email varchar", "country_code varchar", "signed_up_at timestamp_ntz"), {}),
    ("stg_shop__products", "staging/shop", "view", ["s:shop.products"],
     ("product_id number nn u", "product_name varchar", "product_type varchar av:jaffle|beverage|merch",
      "unit_cost number(38,2)"), {}),
    ("stg_shop__refunds", "staging/shop", "view", ["s:shop.refunds"],
     ("refund_id number nn u", "order_id number nn", "refund_amount number(38,2)", "refunded_at timestamp_ntz"), {}),
    ("stg_stripe__payments", "staging/stripe", "view", ["s:stripe.payments", "d:payment_method_map"],
     ("payment_id varchar nn u", "order_id number", "amount number(38,2)", "currency varchar",
      "payment_method varchar", "status varchar av:succeeded|failed|pending", "created_at timestamp_ntz"), {}),
    ("stg_stripe__invoices", "staging/stripe", "view", ["s:stripe.invoices"],
     ("invoice_id varchar nn u", "subscription_id varchar", "amount_due number(38,2)", "invoice_status varchar",
      "period_start timestamp_ntz"), {}),
    ("stg_stripe__subscriptions", "staging/stripe", "view", ["s:stripe.subscriptions"],
     ("subscription_id varchar nn u", "customer_ref varchar", "plan_id varchar nn", "subscription_status varchar",
      "period_start timestamp_ntz", "canceled_at timestamp_ntz"), {}),
    ("stg_hubspot__contacts", "staging/hubspot", "view", ["s:hubspot.contacts"],
     ("contact_id number nn u", "email varchar", "lifecycle_stage varchar"), {}),
    ("stg_hubspot__deals", "staging/hubspot", "view", ["s:hubspot.deals"],
     ("deal_id number nn u", "contact_id number", "deal_stage varchar", "deal_amount number(38,2)",
      "close_date date"), {}),
    ("stg_segment__tracks", "staging/segment", "incremental", ["s:segment.tracks"],
     ("event_id varchar nn u", "anonymous_id varchar", "user_id varchar", "event_name varchar",
      "campaign_name varchar", "event_at timestamp_ntz", "received_at timestamp_ntz"),
     dict(unique_key="event_id", incremental_strategy="merge", on_schema_change="append_new_columns",
          cluster_by=["to_date(event_at)"])),
    ("stg_segment__pages", "staging/segment", "incremental", ["s:segment.pages"],
     ("page_view_id varchar nn u", "anonymous_id varchar", "user_id varchar", "page_url varchar",
      "viewed_at timestamp_ntz"),
     dict(unique_key="page_view_id", incremental_strategy="merge", on_schema_change="append_new_columns")),
    ("stg_zendesk__tickets", "staging/zendesk", "view", ["s:zendesk.tickets"],
     ("ticket_id number nn u", "requester_email varchar", "ticket_status varchar", "priority varchar",
      "opened_at timestamp_ntz", "solved_at timestamp_ntz"), {}),
    # intermediate
    ("int_order_items_enriched", "intermediate/core", "ephemeral", ["m:stg_shop__order_items", "m:stg_shop__products"],
     ("order_item_id number", "order_id number", "product_id number", "product_type varchar",
      "line_revenue number(38,2)", "line_cost number(38,2)"), {}),
    ("int_customer_geo", "intermediate/core", "ephemeral", ["m:stg_shop__customers", "d:country_codes"],
     ("customer_id number", "country_name varchar", "region varchar"), {}),
    ("int_orders_joined", "intermediate/core", "table",
     ["m:stg_shop__orders", "m:int_order_items_enriched", "m:stg_shop__refunds"],
     ("order_id number nn u", "customer_id number", "ordered_at timestamp_ntz", "status varchar",
      "items_revenue number(38,2)", "items_cost number(38,2)", "refund_amount number(38,2)"), {}),
    ("int_payments_by_order", "intermediate/finance", "view", ["m:stg_stripe__payments"],
     ("order_id number nn u", "amount_paid number(38,2)", "payment_count number", "last_paid_at timestamp_ntz"), {}),
    ("int_customer_order_history", "intermediate/core", "table", ["m:int_orders_joined", "m:int_customer_geo"],
     ("customer_id number nn", "first_order_at timestamp_ntz", "last_order_at timestamp_ntz", "order_count number",
      "lifetime_revenue number(38,2)", "region varchar"), {}),
    ("int_product_margin", "intermediate/finance", "table", ["m:int_order_items_enriched"],
     ("product_id number nn u", "revenue_usd number(38,2)", "cost_usd number(38,2)", "margin_pct float"), {}),
    ("int_subscription_periods", "intermediate/finance", "table",
     ["m:stg_stripe__subscriptions", "n:snap_subscriptions", "d:plan_tiers"],
     ("subscription_id varchar nn", "month_start date nn", "plan_id varchar", "tier varchar",
      "mrr number(38,2)"), {}),
    ("int_mrr_movements", "intermediate/finance", "table", ["m:int_subscription_periods"],
     ("subscription_id varchar nn", "month_start date nn", "movement varchar av:new|expansion|contraction|churn|flat",
      "mrr_delta number(38,2)"), {}),
    ("int_invoice_lines", "intermediate/finance", "view", ["m:stg_stripe__invoices"],
     ("invoice_id varchar nn", "subscription_id varchar", "amount_due number(38,2)", "period_month date"), {}),
    ("int_sessions", "intermediate/marketing", "incremental", ["m:stg_segment__tracks", "m:stg_segment__pages"],
     ("session_id varchar nn u", "anonymous_id varchar", "user_id varchar", "session_start_at timestamp_ntz",
      "session_end_at timestamp_ntz", "page_views number", "landing_url varchar"),
     dict(unique_key="session_id", incremental_strategy="merge", on_schema_change="append_new_columns",
          snowflake_warehouse="TRANSFORM_M_WH")),
    ("int_contact_lifecycle", "intermediate/sales", "table", ["m:stg_hubspot__contacts", "m:stg_hubspot__deals"],
     ("contact_id number nn u", "lifecycle_stage varchar", "open_deals number", "won_amount number(38,2)"), {}),
    ("int_deal_stages", "intermediate/sales", "view", ["m:stg_hubspot__deals"],
     ("deal_id number nn", "deal_stage varchar", "entered_stage_at date"), {}),
    ("int_ticket_sla", "intermediate/support", "table", ["m:stg_zendesk__tickets", "m:stg_shop__customers"],
     ("ticket_id number nn u", "customer_id number", "priority varchar", "hours_to_solve float",
      "breached_sla boolean"), {}),
    # marts: core
    ("dim_customers", "marts/core", "table", ["m:int_customer_order_history", "n:snap_customers"],
     ("customer_id number nn u", "email varchar", "first_order_at timestamp_ntz", "last_order_at timestamp_ntz",
      "order_count number", "lifetime_revenue number(38,2)", "region varchar"),
     dict(contract=True, access="public")),
    ("dim_products", "marts/core", "table", ["m:stg_shop__products", "m:int_product_margin"],
     ("product_id number nn u", "product_name varchar", "product_type varchar", "margin_pct float"),
     dict(access="public")),
    ("fct_orders", "marts/core", "incremental", ["m:int_orders_joined", "m:int_payments_by_order"],
     ("order_id number nn u", "customer_id number nn rel:dim_customers.customer_id", "ordered_at timestamp_ntz nn",
      "status varchar", "order_total number(38,2)", "amount_paid number(38,2)", "refund_amount number(38,2)"),
     dict(unique_key="order_id", incremental_strategy="merge", on_schema_change="append_new_columns",
          access="public")),
    ("fct_order_items", "marts/core", "incremental", ["m:int_order_items_enriched", "m:stg_shop__orders"],
     ("order_item_id number nn u", "order_id number nn", "ordered_at timestamp_ntz", "product_id number",
      "line_revenue number(38,2)"),
     dict(unique_key="order_item_id", incremental_strategy="merge", on_schema_change="append_new_columns")),
    ("dim_dates", "marts/core", "table", [],
     ("date_day date nn u", "week_start date", "month_start date", "fiscal_quarter varchar"), {}),
    ("rpt_backfill_orders_2024", "marts/core", "table", ["m:fct_orders"],
     ("order_id number", "ordered_at timestamp_ntz"), dict(tags=["manual"])),
    # marts: finance
    ("fct_payments", "marts/finance", "incremental", ["m:stg_stripe__payments"],
     ("payment_id varchar nn u", "order_id number", "amount number(38,2)", "currency varchar",
      "payment_method varchar", "created_at timestamp_ntz"),
     dict(unique_key="payment_id", incremental_strategy="merge", on_schema_change="fail", group="finance",
          access="public")),
    ("fct_invoices", "marts/finance", "table", ["m:int_invoice_lines", "m:stg_stripe__subscriptions"],
     ("invoice_id varchar nn u", "subscription_id varchar", "plan_id varchar", "amount_due number(38,2)",
      "period_month date"), dict(group="finance")),
    ("fct_mrr", "marts/finance", "incremental", ["m:int_mrr_movements"],
     ("subscription_id varchar nn", "month_start date nn", "movement varchar", "mrr_delta number(38,2)"),
     dict(unique_key=["subscription_id", "month_start"], incremental_strategy="delete+insert",
          on_schema_change="sync_all_columns", group="finance", access="public")),
    ("fct_revenue_daily", "marts/finance", "table", ["m:fct_orders", "m:fct_payments", "m:dim_dates"],
     ("date_day date nn u", "gross_revenue number(38,2)", "collected number(38,2)", "refunds number(38,2)"),
     dict(group="finance", access="public")),
    ("fct_refunds", "marts/finance", "view", ["m:stg_shop__refunds", "m:fct_orders"],
     ("refund_id number nn u", "order_id number", "refund_amount number(38,2)", "refunded_at timestamp_ntz"),
     dict(group="finance")),
    ("rpt_finance_kpis", "marts/finance", "table", ["m:fct_revenue_daily", "m:fct_mrr"],
     ("month_start date nn u", "revenue number(38,2)", "mrr number(38,2)", "net_revenue_retention float"),
     dict(group="finance", access="public")),
    ("rpt_mrr_by_plan", "marts/finance", "table", ["m:fct_mrr", "d:plan_tiers"],
     ("month_start date nn", "tier varchar", "mrr number(38,2)"), dict(group="finance")),
    ("fct_customer_ltv", "marts/finance", "table", ["m:dim_customers", "m:fct_orders", "m:fct_payments"],
     ("customer_id number nn u", "ltv_to_date number(38,2)", "predicted_ltv_12m number(38,2)"),
     dict(group="finance")),
    # marts: marketing
    ("rpt_customer_cohorts", "marts/marketing", "table", ["m:dim_customers", "m:fct_orders"],
     ("cohort_month date nn", "months_since_first number", "active_customers number", "retention_pct float"),
     dict(group="growth")),
    ("fct_sessions", "marts/marketing", "incremental", ["m:int_sessions"],
     ("session_id varchar nn u", "user_id varchar", "session_start_at timestamp_ntz", "page_views number",
      "landing_url varchar"),
     dict(unique_key="session_id", incremental_strategy="merge", on_schema_change="append_new_columns",
          group="growth")),
    ("fct_attribution", "marts/marketing", "table", ["m:fct_sessions", "m:fct_orders", "m:dim_customers"],
     ("order_id number nn u", "customer_id number", "first_touch_campaign varchar", "last_touch_campaign varchar"),
     dict(group="growth", access="public")),
    ("rpt_funnel_weekly", "marts/marketing", "table", ["m:fct_sessions", "m:fct_orders"],
     ("week_start date nn u", "sessions number", "orders number", "conversion_rate float"),
     dict(group="growth", access="public")),
    ("dim_campaigns", "marts/marketing", "table", ["m:stg_segment__tracks"],
     ("campaign_name varchar nn u", "first_seen_at timestamp_ntz", "events number"), dict(group="growth")),
    # marts: sales
    ("fct_deals", "marts/sales", "table", ["m:int_deal_stages", "m:int_contact_lifecycle"],
     ("deal_id number nn u", "contact_id number", "deal_stage varchar", "days_in_stage number"),
     dict(group="growth")),
    ("rpt_pipeline", "marts/sales", "table", ["m:fct_deals"],
     ("week_start date nn", "deal_stage varchar", "open_deals number", "pipeline_amount number(38,2)"),
     dict(group="growth")),
    # marts: support
    ("fct_tickets", "marts/support", "table", ["m:int_ticket_sla", "m:stg_shop__customers"],
     ("ticket_id number nn u", "customer_id number", "priority varchar av:low|normal|high|urgent",
      "hours_to_solve float", "breached_sla boolean"), {}),
    ("rpt_support_sla", "marts/support", "table", ["m:fct_tickets"],
     ("week_start date nn u", "tickets number", "breached number", "breach_rate float"), {}),
    # marts: product
    ("fct_subscriptions", "marts/product", "table", ["m:int_subscription_periods", "m:stg_hubspot__contacts"],
     ("subscription_id varchar nn u", "plan_id varchar", "tier varchar", "started_at date", "churned_at date"), {}),
]

DISABLED_MODEL = ("legacy_orders_v1", "marts/core")

EXPOSURES = {
    "executive_kpis": dict(type="dashboard", label="Executive KPIs", maturity="high",
                           owner=("Finance Analytics", "finance-analytics@jaffle-ops.example"),
                           url="https://bi.jaffle-ops.example/dashboards/12", path="marts/finance",
                           refs=["rpt_finance_kpis", "fct_revenue_daily", "rpt_mrr_by_plan", "rpt_pipeline"],
                           description="Board-level revenue, MRR and pipeline dashboard, refreshed at 07:00 UTC."),
    "growth_funnel": dict(type="dashboard", label="Growth funnel", maturity="medium",
                          owner=("Growth Analytics", "growth-analytics@jaffle-ops.example"),
                          url="https://bi.jaffle-ops.example/dashboards/31", path="marts/marketing",
                          refs=["rpt_funnel_weekly", "fct_attribution", "dim_campaigns"],
                          description="Weekly acquisition funnel and campaign attribution."),
    "churn_model_features": dict(type="ml", label="Churn model features", maturity="medium",
                                 owner=("Data Science", "ds@jaffle-ops.example"), url=None, path="marts/product",
                                 refs=["fct_customer_ltv", "fct_subscriptions", "fct_tickets"],
                                 description="Feature set the churn model trains on every Monday."),
}

# Singular tests: name -> (parents, severity, outcome)
SINGULAR_TESTS = {
    "assert_order_payments_reconcile": (["m:fct_orders", "m:int_payments_by_order"], "warn", "warn"),
    "assert_mrr_non_negative": (["m:fct_mrr"], "error", "pass"),
    "assert_no_future_orders": (["m:fct_orders"], "error", "pass"),
}

MACROS = {
    "cents_to_dollars": ("macros/cents_to_dollars.sql",
                         "{% macro cents_to_dollars(column_name, scale=2) -%}\n"
                         "    ({{ column_name }} / 100)::number(38, {{ scale }})\n{%- endmacro %}", []),
    "generate_schema_name": ("macros/generate_schema_name.sql",
                             "{% macro generate_schema_name(custom_schema_name, node) -%}\n"
                             "    {%- set default_schema = target.schema -%}\n"
                             "    {%- if custom_schema_name is none -%}{{ default_schema }}\n"
                             "    {%- else -%}{{ default_schema }}_{{ custom_schema_name | trim | upper }}{%- endif -%}\n"
                             "{%- endmacro %}", []),
    "date_spine_days": ("macros/date_spine_days.sql",
                        "{% macro date_spine_days(start_date, end_date) %}\n"
                        "    select dateadd(day, seq4(), '{{ start_date }}'::date) as date_day\n"
                        "    from table(generator(rowcount => {{ (end_date | int) }}))\n{% endmacro %}", []),
    "limit_in_dev": ("macros/limit_in_dev.sql",
                     "{% macro limit_in_dev(column_name, days=3) %}\n"
                     "  {% if target.name == 'dev' %}where {{ column_name }} >= dateadd(day, -{{ days }}, current_date)"
                     "{% endif %}\n{% endmacro %}", []),
}

# --------------------------------------------------------------------------------------------------------------
# Failures of this run, by unique id: what dbt printed. Everything else runs green (tests pass) unless listed.
# --------------------------------------------------------------------------------------------------------------


def model_path(name):
    for m in MODELS:
        if m[0] == name:
            return "models/%s/%s.sql" % (m[1], name)
    raise KeyError(name)


FAILURES = {
    "model.jaffle_ops.fct_tickets": dict(
        kind="execute", seconds=1.34,
        message="Database Error in model fct_tickets (%s)\n  003001 (42501): SQL access control error:\n"
                "  Insufficient privileges to operate on table 'FCT_TICKETS'\n"
                "  compiled code at target/run/jaffle_ops/%s" % (model_path("fct_tickets"), model_path("fct_tickets"))),
    "model.jaffle_ops.int_sessions": dict(
        kind="execute", seconds=3600.87,
        message="Database Error in model int_sessions (%s)\n  000630 (57014): Statement reached its statement or "
                "warehouse timeout of 3,600 second(s) and was canceled.\n  compiled code at target/run/jaffle_ops/%s"
                % (model_path("int_sessions"), model_path("int_sessions"))),
    "model.jaffle_ops.fct_payments": dict(
        kind="execute", seconds=7.92,
        message="Compilation Error in model fct_payments (%s)\n  \n"
                "      The source and target schemas on this incremental model are out of sync!\n"
                "      They can be reconciled in several ways:\n"
                "        - set the `on_schema_change` config to either append_new_columns or sync_all_columns, "
                "depending on your situation.\n"
                "        - Re-run the incremental model with `full_refresh: True` to update the target schema.\n"
                "        - update the schema manually and re-run the process.\n  \n"
                "      Additional troubleshooting context:\n"
                "         Source columns not in target: []\n"
                "         Target columns not in source: []\n"
                "         New column types: [{'column_name': 'AMOUNT', 'new_type': 'NUMBER(38,2)'}]\n  \n  \n"
                "  \n  > in macro process_schema_changes "
                "(macros/materializations/models/incremental/on_schema_change.sql)\n"
                "  > called by macro materialization_incremental_snowflake "
                "(macros/materializations/incremental.sql)\n"
                "  > called by model fct_payments (%s)" % (model_path("fct_payments"), model_path("fct_payments"))),
    "model.jaffle_ops.int_product_margin": dict(
        kind="compile", seconds=0.0061,
        message="Compilation Error in model int_product_margin (%s)\n  'convert_to_usd' is undefined. This can "
                "happen when calling a macro that does not exist. Check for typos and/or install package "
                "dependencies with \"dbt deps\"." % model_path("int_product_margin")),
    "model.jaffle_ops.rpt_pipeline": dict(
        kind="compile", seconds=0.0049,
        message="Compilation Error in model rpt_pipeline (%s)\n  Model 'model.jaffle_ops.rpt_pipeline' (%s) depends "
                "on a node named 'stg_orders_v2' which was not found"
                % (model_path("rpt_pipeline"), model_path("rpt_pipeline"))),
}
# Failing tests by (model, column, test name) -> failures count.
FAILING_TESTS = {("dim_customers", "customer_id", "unique"): 12}
WARN_TESTS = {"assert_order_payments_reconcile": 214}

# --------------------------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------------------------


def parse_cols(specs):
    cols = []
    for spec in specs:
        parts = spec.split()
        name, dtype, tests = parts[0], parts[1], parts[2:]
        cols.append((name, dtype, tests))
    return cols


def parent_id(p):
    kind, rest = p.split(":", 1)
    if kind == "m":
        return "model.%s.%s" % (PROJECT, rest)
    if kind == "s":
        return "source.%s.%s" % (PROJECT, rest)
    if kind == "d":
        return "seed.%s.%s" % (PROJECT, rest)
    if kind == "n":
        return "snapshot.%s.%s" % (PROJECT, rest)
    raise ValueError(p)


def schema_for(folder):
    top = folder.split("/")[0]
    if top == "staging":
        return TARGET_SCHEMA + "_STAGING", "staging"
    if top == "intermediate":
        return TARGET_SCHEMA + "_INTERMEDIATE", "intermediate"
    sub = folder.split("/")[1]
    return TARGET_SCHEMA + "_" + sub.upper(), sub


def rel(schema, name):
    return "%s.%s.%s" % (DB, schema, name)


def docs():
    return {"show": True, "node_color": None}


def base_config(materialized, **kw):
    cfg = {
        "enabled": True, "alias": None, "schema": None, "database": None, "tags": [], "meta": {}, "group": None,
        "materialized": materialized, "incremental_strategy": None, "batch_size": None, "lookback": 1,
        "begin": None, "persist_docs": {}, "post-hook": [], "pre-hook": [], "quoting": {}, "column_types": {},
        "full_refresh": None, "unique_key": None, "on_schema_change": "ignore", "on_configuration_change": "apply",
        "grants": {}, "packages": [], "docs": docs(), "contract": {"enforced": False, "alias_types": True},
        "event_time": None, "concurrent_batches": None,
    }
    cfg.update(kw)
    return cfg


def column(name, dtype=None, description="", constraints=()):
    return {"name": name, "description": description, "meta": {}, "data_type": dtype,
            "constraints": [{"type": c, "name": None, "expression": None, "warn_unenforced": True,
                             "warn_unsupported": True, "to": None, "to_columns": []} for c in constraints],
            "quote": None, "tags": [], "granularity": None, "doc_blocks": [], "config": {"meta": {}, "tags": []}}


def ref_entry(name):
    return {"name": name, "package": None, "version": None}


nodes = {}
sources = {}
exposures = {}
groups = {}
macros = {}
tests_by_parent = {}  # for build edges; filled with test ids


def add_macros():
    for name, (path, sql, deps) in MACROS.items():
        uid = "macro.%s.%s" % (PROJECT, name)
        macros[uid] = {"name": name, "resource_type": "macro", "package_name": PROJECT, "path": path,
                       "original_file_path": path, "unique_id": uid, "macro_sql": sql,
                       "depends_on": {"macros": deps}, "description": "", "meta": {}, "docs": docs(),
                       "patch_path": None, "arguments": [], "created_at": PARSED_AT - 2.1,
                       "supported_languages": None}
    for name, path in (("test_unique", "macros/generic_test_sql/unique.sql"),
                       ("test_not_null", "macros/generic_test_sql/not_null.sql"),
                       ("test_accepted_values", "macros/generic_test_sql/accepted_values.sql"),
                       ("test_relationships", "macros/generic_test_sql/relationships.sql"),
                       ("get_where_subquery", "macros/materializations/tests/where_subquery.sql"),
                       ("is_incremental", "macros/materializations/models/incremental/is_incremental.sql"),
                       ("should_full_refresh", "macros/materializations/configs.sql")):
        uid = "macro.dbt.%s" % name
        macros[uid] = {"name": name, "resource_type": "macro", "package_name": "dbt", "path": path,
                       "original_file_path": path, "unique_id": uid,
                       "macro_sql": "{%% macro %s(...) %%}{# dbt built-in, elided in this sample #}{%% endmacro %%}"
                                    % name,
                       "depends_on": {"macros": []}, "description": "", "meta": {}, "docs": docs(),
                       "patch_path": None, "arguments": [], "created_at": PARSED_AT - 2.5,
                       "supported_languages": None}


def add_sources():
    for src, (schema, loader, fresh, loaded_at, tables) in SOURCES.items():
        for table, specs in tables.items():
            uid = "source.%s.%s.%s" % (PROJECT, src, table)
            cols = parse_cols(specs)
            if fresh:
                freshness = {"warn_after": {"count": fresh[0], "period": "hour"},
                             "error_after": {"count": fresh[1], "period": "hour"}, "filter": None}
            else:
                freshness = {"warn_after": {"count": None, "period": None},
                             "error_after": {"count": None, "period": None}, "filter": None}
            yml = "models/staging/%s/_%s__sources.yml" % (src, src)
            sources[uid] = {
                "database": RAW_DB, "schema": schema, "name": table, "resource_type": "source",
                "package_name": PROJECT, "path": yml, "original_file_path": yml, "unique_id": uid,
                "fqn": [PROJECT, "staging", src, src, table], "source_name": src,
                "source_description": "Raw %s data loaded by %s." % (src, loader), "loader": loader,
                "identifier": table.upper(),
                "quoting": {"database": None, "schema": None, "identifier": None, "column": None},
                "loaded_at_field": loaded_at, "loaded_at_query": None, "freshness": freshness, "external": None,
                "description": "", "columns": {c[0]: column(c[0], None) for c in cols}, "meta": {},
                "source_meta": {}, "tags": [], "config": {"enabled": True, "event_time": None,
                                                          "freshness": freshness, "loaded_at_field": loaded_at,
                                                          "loaded_at_query": None, "meta": {}, "tags": []},
                "patch_path": None, "unrendered_config": {}, "relation_name": "%s.%s.%s" % (RAW_DB, schema,
                                                                                           table.upper()),
                "created_at": PARSED_AT - 1.2, "unrendered_database": RAW_DB, "unrendered_schema": schema,
                "doc_blocks": [],
            }
            for name, dtype, tests in cols:
                for t in tests:
                    add_generic_test(t, name, ("source", src, table), uid, yml)


def test_name(kind, target_name, col, args):
    if kind == "accepted_values":
        return "accepted_values_%s_%s__%s" % (target_name, col, "__".join(args))
    if kind == "relationships":
        to_model, to_col = args
        return "relationships_%s_%s__%s__ref_%s_" % (target_name, col, to_col, to_model)
    return "%s_%s_%s" % (kind, target_name, col)


def add_generic_test(spec, col, target, attached, yml):
    """Adds a generic test; target is ("model", name) or ("source", src, table)."""
    if spec == "u":
        kind, args = "unique", []
    elif spec == "nn":
        kind, args = "not_null", []
    elif spec.startswith("av:"):
        kind, args = "accepted_values", spec[3:].split("|")
    elif spec.startswith("rel:"):
        kind, args = "relationships", spec[4:].split(".")
    else:
        raise ValueError(spec)
    if target[0] == "source":
        tname = "%s_%s" % (target[1], target[2])
        name = "source_" + test_name(kind, tname, col, args)
        target_expr = "source('%s', '%s')" % (target[1], target[2])
        refs, srcs = [], [[target[1], target[2]]]
        fqn_dir = ["staging", target[1]]
        file_key = "sources.%s" % target[1]
    else:
        tname = target[1]
        name = test_name(kind, tname, col, args)
        target_expr = "ref('%s')" % tname
        refs, srcs = [ref_entry(tname)], []
        fqn_dir = [p for p in folder_of(tname).split("/")]
        file_key = "models.%s" % tname
    depends = [attached]
    kwargs = {"column_name": col, "model": "{{ get_where_subquery(%s) }}" % target_expr}
    if kind == "accepted_values":
        kwargs["values"] = args
    if kind == "relationships":
        kwargs["to"] = "ref('%s')" % args[0]
        kwargs["field"] = args[1]
        depends = ["model.%s.%s" % (PROJECT, args[0]), attached]
        refs = [ref_entry(args[0])] + refs
    uid = "test.%s.%s.%s" % (PROJECT, name, md5(name + yml)[:10])
    alias = name if len(name) < 64 else "%s_%s" % (name[:30], md5(name)[:32])
    macro = "macro.dbt.test_%s" % kind
    nodes[uid] = {
        "database": DB, "schema": TARGET_SCHEMA + "_dbt_test__audit", "name": name, "resource_type": "test",
        "package_name": PROJECT, "path": alias + ".sql", "original_file_path": yml, "unique_id": uid,
        "fqn": [PROJECT] + fqn_dir + [name], "alias": alias, "checksum": {"name": "none", "checksum": ""},
        "config": {"enabled": True, "alias": None, "schema": "dbt_test__audit", "database": None, "tags": [],
                   "meta": {}, "group": None, "materialized": "test", "severity": "ERROR", "store_failures": None,
                   "store_failures_as": None, "where": None, "limit": None, "fail_calc": "count(*)",
                   "warn_if": "!= 0", "error_if": "!= 0"},
        "tags": [], "description": "", "columns": {}, "meta": {}, "group": None, "docs": docs(),
        "patch_path": None, "build_path": None, "unrendered_config": {}, "created_at": PARSED_AT - 0.4,
        "relation_name": None, "raw_code": "{{ test_%s(**_dbt_generic_test_kwargs) }}" % kind, "doc_blocks": [],
        "language": "sql", "refs": refs, "sources": srcs, "metrics": [], "functions": [],
        "depends_on": {"macros": [macro, "macro.dbt.get_where_subquery"], "nodes": depends},
        "compiled_path": None, "contract": {"enforced": False, "alias_types": True, "checksum": None},
        "column_name": col, "file_key_name": file_key, "attached_node": attached,
        "test_metadata": {"name": kind, "kwargs": kwargs, "namespace": None},
        "_kind": kind, "_target": tname, "_col": col,
    }


def folder_of(name):
    """The folder a test's fqn uses: the model's folder, or the seeds folder for a seed."""
    if name in SEED_FOLDERS:
        return SEED_FOLDERS[name]
    for m in MODELS:
        if m[0] == name:
            return m[1]
    raise KeyError(name)


SEED_FOLDERS = {}


def add_seeds():
    for name, specs in SEEDS.items():
        uid = "seed.%s.%s" % (PROJECT, name)
        cols = parse_cols(specs)
        schema = TARGET_SCHEMA + "_SEEDS"
        nodes[uid] = {
            "database": DB, "schema": schema, "name": name, "resource_type": "seed", "package_name": PROJECT,
            "path": name + ".csv", "original_file_path": "seeds/%s.csv" % name, "unique_id": uid,
            "fqn": [PROJECT, name], "alias": name, "checksum": {"name": "sha256", "checksum": sha("seed" + name)},
            "config": dict(base_config("seed", schema="seeds", meta={"owner": "analytics-engineering"}),
                           delimiter=",", quote_columns=None),
            "tags": [], "description": "Static mapping maintained by analytics engineering.",
            "columns": {c[0]: column(c[0], None) for c in cols}, "meta": {"owner": "analytics-engineering"},
            "group": None, "docs": docs(), "patch_path": "%s://seeds/_seeds.yml" % PROJECT, "build_path": None,
            "unrendered_config": {"schema": "seeds"}, "created_at": PARSED_AT - 1.8,
            "relation_name": rel(schema, name), "raw_code": "", "doc_blocks": [], "root_path": "/usr/app/jaffle_ops",
            "depends_on": {"macros": []},
        }
        for cname, dtype, tests in cols:
            for t in tests:
                add_generic_test_for_model(t, cname, name, uid, "seeds/_seeds.yml", "seeds")


def add_generic_test_for_model(spec, col, target_name, attached, yml, fqn_dir):
    """Adds a generic test on a seed: same shape as on a model, but dbt's fqn is [project, test name]."""
    before = set(nodes)
    SEED_FOLDERS[target_name] = fqn_dir
    add_generic_test(spec, col, ("model", target_name), attached, yml)
    for uid in set(nodes) - before:
        nodes[uid]["fqn"] = [PROJECT, nodes[uid]["name"]]


def add_snapshots():
    for name, s in SNAPSHOTS.items():
        uid = "snapshot.%s.%s" % (PROJECT, name)
        kind, src, table = s["src"]
        schema = "SNAPSHOTS"
        cfg = base_config("snapshot", unique_key=s["unique_key"], strategy=s["strategy"], target_schema=schema,
                          target_database=None, updated_at=s.get("updated_at"), check_cols=s.get("check_cols"),
                          snapshot_meta_column_names={"dbt_valid_to": None, "dbt_valid_from": None,
                                                      "dbt_scd_id": None, "dbt_updated_at": None,
                                                      "dbt_is_deleted": None},
                          dbt_valid_to_current=None, meta={"owner": "analytics-engineering"},
                          hard_deletes="ignore")
        unrendered = {"target_schema": schema, "unique_key": s["unique_key"], "strategy": s["strategy"]}
        if s.get("updated_at"):
            unrendered["updated_at"] = s["updated_at"]
        else:
            unrendered["check_cols"] = s["check_cols"]
        raw = ("{%% snapshot %s %%}\n\n{{\n    config(\n      target_schema='%s',\n      unique_key='%s',\n"
               "      strategy='%s',\n%s    )\n}}\n\nselect * from {{ source('%s', '%s') }}\n\n{%% endsnapshot %%}\n"
               % (name, schema, s["unique_key"], s["strategy"],
                  ("      updated_at='%s',\n" % s["updated_at"]) if s.get("updated_at")
                  else "      check_cols=%s,\n" % json.dumps(s["check_cols"]).replace('"', "'"), src, table))
        nodes[uid] = {
            "database": DB, "schema": schema, "name": name, "resource_type": "snapshot", "package_name": PROJECT,
            "path": name + ".sql", "original_file_path": "snapshots/%s.sql" % name, "unique_id": uid,
            "fqn": [PROJECT, name, name], "alias": name, "checksum": {"name": "sha256", "checksum": sha(raw)},
            "config": cfg, "tags": [], "description": "", "columns": {}, "meta": {"owner": "analytics-engineering"},
            "group": None, "docs": docs(), "patch_path": None, "build_path": None, "unrendered_config": unrendered,
            "created_at": PARSED_AT - 1.5, "relation_name": rel(schema, name), "raw_code": raw, "doc_blocks": [],
            "language": "sql", "refs": [], "sources": [[src, table]], "metrics": [], "functions": [],
            "depends_on": {"macros": [], "nodes": ["source.%s.%s.%s" % (PROJECT, src, table)]},
            "compiled_path": None, "contract": {"enforced": False, "alias_types": True, "checksum": None},
            "_cols": parse_cols(s["cols"]),
        }


def raw_sql(name, mat, parents, cols, extra):
    lines = []
    cfg = []
    if mat == "incremental":
        uk = extra["unique_key"]
        cfg.append("materialized='incremental'")
        cfg.append("unique_key=%s" % (json.dumps(uk).replace('"', "'") if isinstance(uk, list) else "'%s'" % uk))
        cfg.append("incremental_strategy='%s'" % extra["incremental_strategy"])
        cfg.append("on_schema_change='%s'" % extra["on_schema_change"])
    elif mat == "ephemeral":
        cfg.append("materialized='ephemeral'")
    if extra.get("snowflake_warehouse"):
        cfg.append("snowflake_warehouse='%s'" % extra["snowflake_warehouse"])
    if cfg:
        lines.append("{{\n    config(\n        " + ",\n        ".join(cfg) + "\n    )\n}}\n")
    ctes = []
    for p in parents:
        kind, rest = p.split(":", 1)
        if kind == "s":
            src, table = rest.split(".")
            ctes.append(("source_%s" % table, "{{ source('%s', '%s') }}" % (src, table)))
        else:
            ctes.append((rest, "{{ ref('%s') }}" % rest))
    if name == "rpt_pipeline":
        lines.append("-- orders v2 feed is switched on per environment (see vars.orders_feed)\n"
                     "{% if execute %}\n  {% set orders_model = var('orders_feed', 'stg_orders_v2') %}\n"
                     "  {% set orders_rel = ref(orders_model) %}\n{% endif %}\n")
    if name == "int_product_margin":
        lines.append("{% if execute %}\n  {% set fx = convert_to_usd('revenue', 'currency') %}\n{% endif %}\n")
    if name == "dim_dates":
        lines.append("with spine as (\n    {{ date_spine_days('2019-01-01', 4018) }}\n)\n\n"
                     "select\n    date_day,\n    date_trunc('week', date_day) as week_start,\n"
                     "    date_trunc('month', date_day) as month_start,\n"
                     "    'FY' || year(dateadd(month, 1, date_day)) || '-Q' || quarter(dateadd(month, 1, date_day))"
                     " as fiscal_quarter\nfrom spine\n")
        return "\n".join(lines)
    body = ",\n\n".join("%s as (\n    select * from %s\n)" % c for c in ctes)
    sel = ",\n    ".join(c[0] for c in cols)
    if name == "stg_stripe__payments":
        # Since the 2026-11-19 deploy: Stripe amounts are converted from integer cents to dollars here.
        sel = sel.replace("amount,", "{{ cents_to_dollars('amount') }} as amount,")
    first = ctes[0][0]
    joins = ""
    first_cols = parent_columns(parents[0])
    for p, c in zip(parents[1:], ctes[1:]):
        if (name, p) in PAIR_JOINS:
            joins += "\nleft join %s on %s" % (c[0], PAIR_JOINS[(name, p)])
            continue
        shared = [x for x in parent_columns(p) if x in first_cols and (x.endswith("_id") or x == "id")]
        if shared:
            joins += "\nleft join %s using (%s)" % (c[0], shared[0])
        else:
            joins += "\nleft join %s on %s.%s = %s.%s" % (c[0], first, join_key(parents[0]), c[0], join_key(p))
    inc = ""
    if mat == "incremental":
        ts = next((c[0] for c in cols if c[1].startswith("timestamp") or c[1] == "date"), cols[0][0])
        inc = ("\n\n{%% if is_incremental() %%}\nwhere %s > (select max(%s) from {{ this }})\n{%% endif %%}"
               % (ts, ts))
    lines.append("with %s\n\nselect\n    %s\nfrom %s%s%s\n" % (body, sel, first, joins, inc))
    return "\n".join(lines)


def parent_columns(p):
    kind, rest = p.split(":", 1)
    if kind == "m":
        specs = next(m[4] for m in MODELS if m[0] == rest)
    elif kind == "d":
        specs = SEEDS[rest]
    elif kind == "n":
        specs = SNAPSHOTS[rest]["cols"]
    else:
        src, table = rest.split(".")
        specs = SOURCES[src][4][table]
    return [c[0] for c in parse_cols(specs)]


# Keys for joins whose two sides name the key differently.
JOIN_KEYS = {"d:payment_method_map": "stripe_method", "s:stripe.payments": "payment_method_type",
             "d:country_codes": "iso_code", "m:stg_shop__customers": "customer_id", "d:plan_tiers": "plan_id",
             "n:snap_subscriptions": "id", "m:stg_stripe__subscriptions": "subscription_id",
             "m:int_customer_order_history": "customer_id", "n:snap_customers": "id",
             "m:stg_zendesk__tickets": "requester_email", "m:stg_hubspot__contacts": "email",
             "m:int_subscription_periods": "subscription_id", "m:dim_dates": "date_day",
             "m:fct_orders": "order_id", "m:fct_payments": "order_id", "m:int_orders_joined": "order_id",
             "m:int_invoice_lines": "subscription_id", "m:fct_mrr": "month_start", "m:fct_revenue_daily": "date_day",
             "m:fct_sessions": "user_id", "m:dim_customers": "customer_id", "m:int_deal_stages": "deal_id",
             "m:int_contact_lifecycle": "contact_id", "m:int_ticket_sla": "customer_id"}


PAIR_JOINS = {
    ("int_customer_geo", "d:country_codes"): "stg_shop__customers.country_code = country_codes.iso_code",
    ("int_ticket_sla", "m:stg_shop__customers"):
        "lower(stg_zendesk__tickets.requester_email) = lower(stg_shop__customers.email)",
    ("fct_revenue_daily", "m:dim_dates"): "to_date(fct_orders.ordered_at) = dim_dates.date_day",
    ("rpt_finance_kpis", "m:fct_mrr"): "date_trunc('month', fct_revenue_daily.date_day) = fct_mrr.month_start",
    ("fct_customer_ltv", "m:fct_payments"): "fct_orders.order_id = fct_payments.order_id",
    ("fct_attribution", "m:fct_orders"): "fct_sessions.user_id = fct_orders.customer_id::varchar",
    ("fct_attribution", "m:dim_customers"): "fct_orders.customer_id = dim_customers.customer_id",
    ("rpt_funnel_weekly", "m:fct_orders"):
        "date_trunc('week', fct_sessions.session_start_at) = date_trunc('week', fct_orders.ordered_at)",
    ("fct_subscriptions", "m:stg_hubspot__contacts"):
        "lower(int_subscription_periods.customer_email) = lower(stg_hubspot__contacts.email)",
    ("int_subscription_periods", "n:snap_subscriptions"):
        "stg_stripe__subscriptions.subscription_id = snap_subscriptions.id and snap_subscriptions.dbt_valid_to is null",
    ("rpt_mrr_by_plan", "d:plan_tiers"): "fct_mrr.plan_id = plan_tiers.plan_id",
    ("fct_deals", "m:int_contact_lifecycle"): "int_deal_stages.contact_id = int_contact_lifecycle.contact_id",
}


def join_key(p):
    return JOIN_KEYS.get(p) or parent_columns(p)[0]


def compile_sql(raw, this):
    out = raw
    out = re.sub(r"\{\{\s*config\((.|\n)*?\)\s*\}\}\n", "", out)
    out = re.sub(r"\{% if execute %\}(.|\n)*?\{% endif %\}\n", "", out)
    out = re.sub(r"\{\{ source\('(\w+)', '(\w+)'\) \}\}",
                 lambda m: "%s.%s.%s" % (RAW_DB, SOURCES[m.group(1)][0], m.group(2).upper()), out)

    def ref_sub(m):
        target = m.group(1)
        uid = "model.%s.%s" % (PROJECT, target)
        if uid not in nodes:
            uid = "seed.%s.%s" % (PROJECT, target)
        if uid not in nodes:
            uid = "snapshot.%s.%s" % (PROJECT, target)
        n = nodes[uid]
        if n["config"]["materialized"] == "ephemeral":
            return "__dbt__cte__%s" % target
        return n["relation_name"]
    out = re.sub(r"\{\{ ref\('(\w+)'\) \}\}", ref_sub, out)
    out = re.sub(r"\{% if is_incremental\(\) %\}\n(.*)\n\{% endif %\}", lambda m: m.group(1), out)
    out = out.replace("{{ this }}", this or "")
    out = out.replace("{{ cents_to_dollars('amount') }}", "(amount / 100)::number(38, 2)")
    out = re.sub(r"\{\{ date_spine_days\('([\d-]+)', (\d+)\) \}\}",
                 r"select dateadd(day, seq4(), '\1'::date) as date_day\n    from table(generator(rowcount => \2))",
                 out)
    return out


def add_models():
    for name, folder, mat, parents, specs, extra in MODELS:
        uid = "model.%s.%s" % (PROJECT, name)
        schema, custom = schema_for(folder)
        cols = parse_cols(specs)
        top = folder.split("/")[0]
        sub = folder.split("/")[-1]
        owner = OWNERS[top] if top in OWNERS else OWNERS.get(sub, "analytics-engineering")
        if top == "marts":
            owner = OWNERS[sub]
        tags = []
        if top == "staging":
            tags = ["staging", "nightly"]
        elif top == "intermediate":
            tags = ["nightly"]
        else:
            tags = ["nightly", sub]
        tags = tags + list(extra.get("tags", []))
        if "manual" in tags:
            tags = [t for t in tags if t != "nightly"]
        cfg = base_config(mat, schema=custom, tags=tags, meta={"owner": owner})
        unrendered = {"materialized": mat, "schema": custom, "tags": tags, "meta": {"owner": owner}}
        if mat == "incremental":
            for k in ("unique_key", "incremental_strategy", "on_schema_change"):
                cfg[k] = extra[k]
                unrendered[k] = extra[k]
        if extra.get("cluster_by"):
            cfg["cluster_by"] = extra["cluster_by"]
            unrendered["cluster_by"] = extra["cluster_by"]
        if extra.get("snowflake_warehouse"):
            cfg["snowflake_warehouse"] = extra["snowflake_warehouse"]
            unrendered["snowflake_warehouse"] = extra["snowflake_warehouse"]
        cfg["transient"] = True
        cfg["copy_grants"] = top == "marts"
        if top == "marts":
            unrendered["copy_grants"] = True
        cfg["grants"] = {"select": ["REPORTER"]} if top == "marts" else {}
        if top == "marts":
            unrendered["grants"] = {"select": ["REPORTER"]}
        access = extra.get("access", "protected")
        cfg["access"] = access
        if "access" in extra:
            unrendered["access"] = access
        group = extra.get("group")
        if group:
            cfg["group"] = group
            unrendered["group"] = group
        contract = bool(extra.get("contract"))
        if contract:
            cfg["contract"] = {"enforced": True, "alias_types": True}
            unrendered["contract"] = {"enforced": True}
        raw = raw_sql(name, mat, parents, cols, extra)
        dep_nodes = sorted({parent_id(p) for p in parents})
        macros_used = []
        if mat == "incremental":
            macros_used.append("macro.dbt.is_incremental")
        if name == "dim_dates":
            macros_used.append("macro.%s.date_spine_days" % PROJECT)
        if name == "stg_stripe__payments":
            macros_used.append("macro.%s.cents_to_dollars" % PROJECT)
        refs = [ref_entry(p.split(":", 1)[1]) for p in parents if p[0] in "mdn"]
        srcs = [p.split(":", 1)[1].split(".") for p in parents if p[0] == "s"]
        yml = "%s://models/%s/_%s__models.yml" % (PROJECT, folder, sub)
        columns = {}
        for cname, dtype, tests in cols:
            cons = ["not_null"] if (contract and "nn" in tests) else []
            columns[cname] = column(cname, dtype, "", cons)
        nodes[uid] = {
            "database": DB, "schema": schema, "name": name, "resource_type": "model", "package_name": PROJECT,
            "path": "%s/%s.sql" % (folder, name),
            "original_file_path": "models/%s/%s.sql" % (folder, name), "unique_id": uid,
            "fqn": [PROJECT] + folder.split("/") + [name], "alias": name,
            "checksum": {"name": "sha256", "checksum": sha(raw)}, "config": cfg, "tags": tags,
            "description": "", "columns": columns, "meta": {"owner": owner}, "group": group, "docs": docs(),
            "patch_path": yml, "build_path": None, "unrendered_config": unrendered,
            "created_at": PARSED_AT - 0.9, "relation_name": None if mat == "ephemeral" else rel(schema, name),
            "raw_code": raw, "doc_blocks": [], "language": "sql", "refs": refs, "sources": srcs, "metrics": [],
            "functions": [], "depends_on": {"macros": macros_used, "nodes": dep_nodes}, "compiled_path": None,
            "contract": {"enforced": contract, "alias_types": True,
                         "checksum": sha("contract" + name) if contract else None},
            "access": access, "constraints": [], "version": None, "latest_version": None,
            "deprecation_date": None, "primary_key": [cols[0][0]] if "u" in cols[0][2] else [],
            "time_spine": None, "_cols": cols, "_mat": mat,
        }
        yml_path = "models/%s/_%s__models.yml" % (folder, sub)
        for cname, dtype, tests in cols:
            for t in tests:
                add_generic_test(t, cname, ("model", name), uid, yml_path)


def add_singular_tests():
    for name, (parents, severity, _) in SINGULAR_TESTS.items():
        uid = "test.%s.%s" % (PROJECT, name)
        deps = sorted(parent_id(p) for p in parents)
        refs = [ref_entry(p.split(":", 1)[1]) for p in parents]
        cfg_line = "{{ config(severity='warn') }}\n\n" if severity == "warn" else ""
        raw = cfg_line + "select *\nfrom %s\nwhere false -- see tests/%s.sql\n" % (
            " join ".join("{{ ref('%s') }}" % p.split(":", 1)[1] for p in parents), name)
        nodes[uid] = {
            "database": DB, "schema": TARGET_SCHEMA + "_dbt_test__audit", "name": name, "resource_type": "test",
            "package_name": PROJECT, "path": name + ".sql", "original_file_path": "tests/%s.sql" % name,
            "unique_id": uid, "fqn": [PROJECT, name], "alias": name,
            "checksum": {"name": "sha256", "checksum": sha(raw)},
            "config": {"enabled": True, "alias": None, "schema": "dbt_test__audit", "database": None, "tags": [],
                       "meta": {}, "group": None, "materialized": "test", "severity": severity.upper(),
                       "store_failures": None, "store_failures_as": None, "where": None, "limit": None,
                       "fail_calc": "count(*)", "warn_if": "!= 0", "error_if": "!= 0"},
            "tags": [], "description": "", "columns": {}, "meta": {}, "group": None, "docs": docs(),
            "patch_path": None, "build_path": None,
            "unrendered_config": {"severity": severity} if severity == "warn" else {},
            "created_at": PARSED_AT - 0.6, "relation_name": None, "raw_code": raw, "doc_blocks": [],
            "language": "sql", "refs": refs, "sources": [], "metrics": [], "functions": [],
            "depends_on": {"macros": [], "nodes": deps}, "compiled_path": None,
            "contract": {"enforced": False, "alias_types": True, "checksum": None},
        }


def add_exposures_and_groups():
    for name, e in EXPOSURES.items():
        uid = "exposure.%s.%s" % (PROJECT, name)
        yml = "models/%s/_exposures.yml" % e["path"]
        exposures[uid] = {
            "name": name, "resource_type": "exposure", "package_name": PROJECT,
            "path": "%s/_exposures.yml" % e["path"], "original_file_path": yml, "unique_id": uid,
            "fqn": [PROJECT] + e["path"].split("/") + [name], "type": e["type"],
            "owner": {"email": e["owner"][1], "name": e["owner"][0]}, "description": e["description"],
            "label": e["label"], "maturity": e["maturity"], "meta": {}, "tags": [],
            "config": {"enabled": True, "tags": [], "meta": {}}, "unrendered_config": {}, "url": e["url"],
            "depends_on": {"macros": [], "nodes": sorted("model.%s.%s" % (PROJECT, r) for r in e["refs"])},
            "refs": [ref_entry(r) for r in e["refs"]], "sources": [], "metrics": [],
            "created_at": PARSED_AT - 0.3,
        }
    for name, (owner, email) in GROUPS.items():
        uid = "group.%s.%s" % (PROJECT, name)
        groups[uid] = {"name": name, "resource_type": "group", "package_name": PROJECT,
                       "path": "_groups.yml", "original_file_path": "models/_groups.yml", "unique_id": uid,
                       "owner": {"email": email, "name": owner},
                       "description": "Models the %s team answers for." % owner, "config": {"meta": {}}}


def disabled_entry():
    name, folder = DISABLED_MODEL
    uid = "model.%s.%s" % (PROJECT, name)
    schema, custom = schema_for(folder)
    raw = "{{ config(enabled=false) }}\n\nselect * from {{ ref('stg_shop__orders') }}\n"
    return {uid: [{
        "database": DB, "schema": schema, "name": name, "resource_type": "model", "package_name": PROJECT,
        "path": "%s/%s.sql" % (folder, name), "original_file_path": "models/%s/%s.sql" % (folder, name),
        "unique_id": uid, "fqn": [PROJECT] + folder.split("/") + [name], "alias": name,
        "checksum": {"name": "sha256", "checksum": sha(raw)},
        "config": base_config("table", enabled=False, schema=custom, tags=["deprecated"],
                              meta={"owner": "analytics-engineering"}, access="protected"),
        "tags": ["deprecated"], "description": "Replaced by fct_orders in 2025.", "columns": {},
        "meta": {"owner": "analytics-engineering"}, "group": None, "docs": docs(), "patch_path": None,
        "build_path": None, "unrendered_config": {"enabled": False}, "created_at": PARSED_AT - 0.9,
        "relation_name": rel(schema, name), "raw_code": raw, "doc_blocks": [], "language": "sql",
        "refs": [ref_entry("stg_shop__orders")], "sources": [], "metrics": [], "functions": [],
        "depends_on": {"macros": [], "nodes": []}, "compiled_path": None,
        "contract": {"enforced": False, "alias_types": True, "checksum": None}, "access": "protected",
        "constraints": [], "version": None, "latest_version": None, "deprecation_date": None, "primary_key": [],
        "time_spine": None}]}


# --------------------------------------------------------------------------------------------------------------
# The build: schedule, statuses, timings.
# --------------------------------------------------------------------------------------------------------------

def build():
    all_deps = {}
    for uid, n in list(nodes.items()) + list(sources.items()) + list(exposures.items()):
        all_deps[uid] = list(n.get("depends_on", {}).get("nodes", []))
    ancestors = {}

    def anc(uid):
        if uid in ancestors:
            return ancestors[uid]
        result = set()
        for p in all_deps.get(uid, []):
            result.add(p)
            result |= anc(p)
        ancestors[uid] = result
        return result

    selected = [u for u, n in nodes.items()
                if "manual" not in n["tags"] and not (n["resource_type"] == "model" and n["_mat"] == "ephemeral")]
    ephemeral = {u for u, n in nodes.items() if n["resource_type"] == "model" and n["_mat"] == "ephemeral"}
    tests = [u for u in selected if nodes[u]["resource_type"] == "test"]
    sel = set(selected)
    # Direct parents within the executed set (ephemeral models pass their parents through).

    def exec_parents(uid):
        out = set()
        for p in all_deps.get(uid, []):
            if p in ephemeral:
                out |= exec_parents(p)
            elif p in sel:
                out.add(p)
        return out
    parents = {u: exec_parents(u) for u in selected}
    # Test edges, as dbt build adds them: a test becomes a parent of each non-test node whose ancestors include
    # every node the test depends on (and at least one of them, the one it tests).
    for u in selected:
        if nodes[u]["resource_type"] == "test":
            continue
        a = anc(u)
        for t in tests:
            deps = set(all_deps[t])
            if deps and deps <= a:
                parents[u].add(t)
    children = {u: set() for u in selected}
    for u, ps in parents.items():
        for p in ps:
            children[p].add(u)

    failing_tests = set()
    for t in tests:
        n = nodes[t]
        key = (n.get("_target"), n.get("_col"), n.get("_kind"))
        if key in FAILING_TESTS:
            n["_failures"] = FAILING_TESTS[key]
            failing_tests.add(t)
    # Simulate 8 threads; deterministic durations.
    def duration(u):
        n = nodes[u]
        if u in FAILURES:
            return FAILURES[u]["seconds"]
        rt = n["resource_type"]
        if rt == "test":
            return round(rng.uniform(0.6, 3.2), 4)
        if rt == "seed":
            return round(rng.uniform(1.5, 3.5), 4)
        if rt == "snapshot":
            return round(rng.uniform(9, 24), 4)
        mat = n["_mat"]
        if mat == "view":
            return round(rng.uniform(0.7, 1.9), 4)
        if mat == "incremental":
            return round(rng.uniform(14, 95), 4)
        return round(rng.uniform(4, 48), 4)

    done = {}
    skipped = set()
    remaining = {u: len(parents[u]) for u in selected}
    ready = sorted(u for u, c in remaining.items() if c == 0)
    running = []  # (end, thread, uid, start)
    free_threads = list(range(1, THREADS + 1))
    clock = 0.0
    results = []
    order = {u: i for i, u in enumerate(selected)}

    def finish(uid):
        for c in sorted(children[uid]):
            remaining[c] -= 1
            if remaining[c] == 0:
                ready.append(c)
        ready.sort(key=lambda x: (depth(x), order[x]))

    depth_cache = {}

    def depth(u):
        if u not in depth_cache:
            depth_cache[u] = 0 if not parents[u] else 1 + max(depth(p) for p in parents[u])
        return depth_cache[u]
    ready.sort(key=lambda x: (depth(x), order[x]))
    last_thread = {}
    while ready or running:
        while ready and free_threads:
            u = ready.pop(0)
            th = free_threads.pop(0)
            if u in skipped:
                results.append(dict(uid=u, status="skipped", start=clock, end=clock, thread=th))
                free_threads.append(th)
                free_threads.sort()
                finish(u)
                continue
            d = duration(u)
            running.append((clock + d + 0.012, th, u, clock))
            running.sort()
        if not running:
            continue
        end, th, u, start = running.pop(0)
        clock = end
        status = status_of(u, failing_tests)
        results.append(dict(uid=u, status=status, start=start, end=end, thread=th))
        if status in ("error", "fail"):
            stack = list(children[u])
            while stack:
                c = stack.pop()
                if c not in skipped:
                    skipped.add(c)
                    stack.extend(children[c])
        free_threads.append(th)
        free_threads.sort()
        finish(u)
    return results, clock, parents


def status_of(u, failing_tests):
    n = nodes[u]
    if u in FAILURES:
        return "error"
    if n["resource_type"] == "test":
        if u in failing_tests:
            return "fail"
        if n["name"] in WARN_TESTS:
            return "warn"
        return "pass"
    return "success"


def run_result(r, qn):
    u = r["uid"]
    n = nodes[u]
    start = STARTED + timedelta(seconds=3.9 + r["start"])
    end = STARTED + timedelta(seconds=3.9 + r["end"])
    thread = "Thread-%d (worker)" % r["thread"]
    rt = n["resource_type"]
    relation = n.get("relation_name")
    base = {"status": r["status"], "timing": [], "thread_id": thread, "execution_time": 0,
            "adapter_response": {}, "message": None, "failures": None, "unique_id": u, "compiled": False,
            "compiled_code": "", "relation_name": relation, "batch_results": None}
    if r["status"] == "skipped":
        return base
    compile_end = start + timedelta(seconds=0.0041 + (qn % 7) * 0.0013)
    exec_start = compile_end + timedelta(seconds=0.0007)
    base["execution_time"] = round(r["end"] - r["start"], 6)
    if u in FAILURES and FAILURES[u]["kind"] == "compile":
        base["timing"] = [{"name": "compile", "started_at": iso(start), "completed_at": iso(compile_end)}]
        base["message"] = FAILURES[u]["message"]
        base["compiled_code"] = ""
        return base
    base["timing"] = [{"name": "compile", "started_at": iso(start), "completed_at": iso(compile_end)},
                      {"name": "execute", "started_at": iso(exec_start), "completed_at": iso(end)}]
    base["compiled"] = True
    base["compiled_code"] = n.get("compiled_code") or ""
    if u in FAILURES:
        base["message"] = FAILURES[u]["message"]
        return base
    if rt == "test":
        fails = 0
        if r["status"] == "fail":
            fails = n["_failures"]
            base["message"] = "Got %d results, configured to fail if != 0" % fails
        elif r["status"] == "warn":
            fails = WARN_TESTS[n["name"]]
            base["message"] = "Got %d results, configured to warn if != 0" % fails
        base["failures"] = fails
        base["adapter_response"] = {"_message": "SUCCESS 1", "code": "SUCCESS", "rows_affected": 1,
                                    "query_id": query_id(qn)}
        return base
    rows = 1
    if rt == "seed":
        rows = {"country_codes": 249, "payment_method_map": 14, "plan_tiers": 3}[n["name"]]
        msg = "INSERT %d" % rows
        # Seeds report through noop_statement: a plain AdapterResponse, no query id.
        base["adapter_response"] = {"_message": msg, "code": "INSERT", "rows_affected": rows}
        base["message"] = msg
        return base
    if rt == "model" and n["_mat"] == "incremental":
        rows = 1200 + (int(md5(u)[:6], 16) % 90000)
    msg = "SUCCESS %d" % rows
    base["adapter_response"] = {"_message": msg, "code": "SUCCESS", "rows_affected": rows,
                                "query_id": query_id(qn)}
    base["message"] = msg
    return base


# --------------------------------------------------------------------------------------------------------------
# sources.json and catalog.json
# --------------------------------------------------------------------------------------------------------------

FRESHNESS_AGE_HOURS = {("stripe", "payments"): 81.4, ("hubspot", "deals"): 31.2}


def sources_json(started_at):
    snap = STARTED - timedelta(minutes=9)
    results = []
    t = snap - timedelta(seconds=40)
    for i, (uid, s) in enumerate(sources.items()):
        fresh = SOURCES[s["source_name"]][2]
        if not fresh:
            continue
        key = (s["source_name"], s["name"])
        age_h = FRESHNESS_AGE_HOURS.get(key, 0.35 + (i % 5) * 0.41)
        snapshotted = snap + timedelta(seconds=i * 0.731)
        max_loaded = snapshotted - timedelta(hours=age_h)
        status = "pass"
        if age_h > fresh[1]:
            status = "error"
        elif age_h > fresh[0]:
            status = "warn"
        start = t + timedelta(seconds=i * 0.61)
        end = start + timedelta(seconds=0.52 + (i % 3) * 0.17)
        results.append({
            "unique_id": uid, "max_loaded_at": max_loaded.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00"),
            "snapshotted_at": snapshotted.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00"),
            "max_loaded_at_time_ago_in_s": round((snapshotted - max_loaded).total_seconds(), 6),
            "status": status, "criteria": s["freshness"],
            "adapter_response": {"_message": "SUCCESS 1", "code": "SUCCESS", "rows_affected": 1,
                                 "query_id": query_id(9000 + i)},
            "timing": [{"name": "compile", "started_at": iso(start), "completed_at": iso(start)},
                       {"name": "execute", "started_at": iso(start), "completed_at": iso(end)}],
            "thread_id": "Thread-%d (worker)" % (i % THREADS + 1),
            "execution_time": round((end - start).total_seconds(), 6),
        })
    generated = snap + timedelta(seconds=14.2)
    return {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/sources/v3.json",
                         "dbt_version": DBT_VERSION, "generated_at": iso(generated),
                         "invocation_id": "0b7d2c51-93e4-4a6f-8c1e-2f5a9d3e7b60",
                         "invocation_started_at": iso(t - timedelta(seconds=6.3)), "env": {}},
            "results": results, "elapsed_time": round((generated - t).total_seconds() + 6.3, 6)}


def upper_type(dtype):
    t = dtype.upper()
    if t == "VARCHAR":
        return "TEXT"
    if t == "NUMBER":
        return "NUMBER(38,0)"
    return t


def stat(id_, label, value, include, desc):
    return {"id": id_, "label": label, "value": value, "include": include, "description": desc}


def catalog_entry(uid, database, schema, name, cols, table_type, rows):
    columns = {}
    for i, (cname, dtype) in enumerate(cols):
        columns[cname.upper()] = {"type": dtype, "index": i + 1, "name": cname.upper(), "comment": None}
    if table_type == "VIEW":
        stats = {"has_stats": stat("has_stats", "Has Stats?", False, False,
                                   "Indicates whether there are statistics for this table")}
    else:
        stats = {
            "bytes": stat("bytes", "Approximate Size", float(rows * 61 + 2048), True,
                          "Approximate size of the table as reported by Snowflake"),
            "last_modified": stat("last_modified", "Last Modified", "2026-11-20 05:%02d UTC" % (rows % 50), True,
                                  "The timestamp for last update/change"),
            "row_count": stat("row_count", "Row Count", float(rows), True,
                              "An approximate count of rows in this table"),
            "has_stats": stat("has_stats", "Has Stats?", True, False,
                              "Indicates whether there are statistics for this table"),
        }
    return {"metadata": {"type": table_type, "schema": schema, "name": name.upper(), "database": database,
                         "comment": None, "owner": "TRANSFORMER"},
            "columns": columns, "stats": stats, "unique_id": uid}


def catalog_json():
    cat_nodes = {}
    for uid, n in nodes.items():
        rt = n["resource_type"]
        if rt == "test" or (rt == "model" and n["_mat"] == "ephemeral"):
            continue
        rows = 500 + int(md5(uid)[:6], 16) % 2_000_000
        if rt == "seed":
            cols = [(c, "TEXT") for c in n["columns"]]
            rows = {"country_codes": 249, "payment_method_map": 14, "plan_tiers": 3}[n["name"]]
        else:
            cols = [(c[0], upper_type(c[1])) for c in n["_cols"]]
        if uid == "model.jaffle_ops.fct_payments":
            # The warehouse table still has the integer-cents type; the model now emits NUMBER(38,2).
            cols = [(c, "NUMBER(38,0)" if c == "amount" else t) for c, t in cols]
        table_type = "VIEW" if rt == "model" and n["_mat"] == "view" else "BASE TABLE"
        cat_nodes[uid] = catalog_entry(uid, DB, n["schema"], n["alias"], cols, table_type, rows)
    cat_sources = {}
    for uid, s in sources.items():
        tables = SOURCES[s["source_name"]][4]
        cols = [(c[0], upper_type(c[1])) for c in parse_cols(tables[s["name"]])]
        rows = 1000 + int(md5(uid)[:6], 16) % 9_000_000
        cat_sources[uid] = catalog_entry(uid, RAW_DB, s["schema"], s["identifier"], cols, "BASE TABLE", rows)
    generated = STARTED + timedelta(hours=1, minutes=19, seconds=31.4)
    return {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json",
                         "dbt_version": DBT_VERSION, "generated_at": iso(generated),
                         "invocation_id": "c2a9e4f0-7d13-4b85-a6e2-91f0d4b8c357",
                         "invocation_started_at": iso(generated - timedelta(seconds=22.8)), "env": {}},
            "nodes": cat_nodes, "sources": cat_sources, "errors": None}


# --------------------------------------------------------------------------------------------------------------


def main():
    add_macros()
    add_seeds()
    add_sources()
    add_snapshots()
    add_models()
    add_singular_tests()
    add_exposures_and_groups()
    # compiled code for everything that is not a seed
    for uid, n in nodes.items():
        if n["resource_type"] in ("model", "snapshot") or n["resource_type"] == "test":
            if n["resource_type"] == "test" and n.get("test_metadata"):
                kind = n["test_metadata"]["name"]
                col = n["column_name"]
                attached = n["attached_node"]
                target = sources[attached]["relation_name"] if attached in sources else nodes[attached][
                    "relation_name"]
                if kind == "unique":
                    sql = ("\n    \n    \n\nselect\n    %s as unique_field,\n    count(*) as n_records\n\nfrom %s\n"
                           "where %s is not null\ngroup by %s\nhaving count(*) > 1\n\n\n" % (col, target, col, col))
                elif kind == "not_null":
                    sql = "\n    \n    \n\n\n\nselect %s\nfrom %s\nwhere %s is null\n\n\n" % (col, target, col)
                elif kind == "accepted_values":
                    vals = ",".join("'%s'" % v for v in n["test_metadata"]["kwargs"]["values"])
                    sql = ("\n    \n    \n\nwith all_values as (\n\n    select\n        %s as value_field,\n"
                           "        count(*) as n_records\n\n    from %s\n    group by %s\n\n)\n\nselect *\n"
                           "from all_values\nwhere value_field not in (\n    %s\n)\n\n\n" % (col, target, col, vals))
                else:
                    kw = n["test_metadata"]["kwargs"]
                    to = nodes["model.%s.%s" % (PROJECT, kw["to"][5:-2])]["relation_name"]
                    sql = ("\n    \n    \n\nwith child as (\n    select %s as from_field\n    from %s\n"
                           "    where %s is not null\n),\n\nparent as (\n    select %s as to_field\n    from %s\n)\n\n"
                           "select\n    from_field\n\nfrom child\nleft join parent\n    on child.from_field = "
                           "parent.to_field\n\nwhere parent.to_field is null\n\n\n"
                           % (col, target, col, kw["field"], to))
                n["_compiled"] = sql
            else:
                n["_compiled"] = compile_sql(n["raw_code"], n.get("relation_name"))
    results, clock, build_parents = build()
    by_uid = {r["uid"]: r for r in results}
    for uid, n in nodes.items():
        r = by_uid.get(uid)
        compiled = r is not None and r["status"] != "skipped" and not (
            uid in FAILURES and FAILURES[uid]["kind"] == "compile") and n["resource_type"] != "seed"
        if compiled:
            n["compiled"] = True
            n["compiled_code"] = n["_compiled"]
            n["compiled_path"] = "target/compiled/%s/%s" % (PROJECT, n["original_file_path"]
                                                            if n["resource_type"] != "test" or not n.get(
                                                                "test_metadata")
                                                            else n["original_file_path"] + "/" + n["path"])
            n["extra_ctes_injected"] = True
            n["extra_ctes"] = []
            if n["resource_type"] == "model":
                eph = [p for p in n["depends_on"]["nodes"] if p in nodes and nodes[p].get("_mat") == "ephemeral"]
                n["extra_ctes"] = [{"id": p, "sql": " __dbt__cte__%s as (\n%s\n)" % (
                    nodes[p]["name"], nodes[p]["_compiled"])} for p in eph]
    run_nodes = {}
    for uid, n in nodes.items():
        run_nodes[uid] = {k: v for k, v in n.items() if not k.startswith("_")}
    parent_map = {}
    child_map = {}
    everything = list(run_nodes) + list(sources) + list(exposures)
    for uid in everything:
        child_map[uid] = []
    for uid in everything:
        deps = (run_nodes.get(uid) or exposures.get(uid) or {}).get("depends_on", {}).get("nodes", [])
        parent_map[uid] = sorted(deps)
        for d in deps:
            child_map[d].append(uid)
    for k in child_map:
        child_map[k] = sorted(child_map[k])
    group_map = {}
    for uid, n in run_nodes.items():
        if n.get("group"):
            group_map.setdefault(n["group"], []).append(uid)
    manifest = {
        "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
                     "dbt_version": DBT_VERSION, "generated_at": iso(STARTED + timedelta(seconds=3.1)),
                     "invocation_id": INVOCATION_ID, "invocation_started_at": iso(STARTED), "env": {},
                     "project_name": PROJECT, "project_id": md5(PROJECT),
                     "user_id": None, "send_anonymous_usage_stats": False, "adapter_type": "snowflake",
                     "quoting": {"database": False, "schema": False, "identifier": False, "column": None},
                     "run_started_at": iso(STARTED)},
        "nodes": run_nodes, "sources": sources, "macros": macros, "docs": {
            "doc.%s.__overview__" % PROJECT: {
                "name": "__overview__", "resource_type": "doc", "package_name": PROJECT,
                "path": "overview.md", "original_file_path": "models/overview.md",
                "unique_id": "doc.%s.__overview__" % PROJECT,
                "block_contents": "jaffle_ops: orders, payments, subscriptions, growth and support analytics."}},
        "exposures": exposures, "metrics": {}, "groups": groups,
        "selectors": {"nightly": {"name": "nightly", "definition": {"method": "tag", "value": "nightly"},
                                  "description": "Everything the 05:00 UTC job builds."}},
        "disabled": disabled_entry(), "parent_map": parent_map, "child_map": child_map, "group_map": group_map,
        "saved_queries": {}, "semantic_models": {}, "unit_tests": {},
    }
    qn = 0
    rr = []
    for r in results:
        qn += 1
        rr.append(run_result(r, qn))
    elapsed = round(3.9 + clock + 2.61, 6)
    run_results = {
        "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
                     "dbt_version": DBT_VERSION, "generated_at": iso(STARTED + timedelta(seconds=elapsed)),
                     "invocation_id": INVOCATION_ID, "invocation_started_at": iso(STARTED), "env": {}},
        "results": rr, "elapsed_time": elapsed,
        "args": {
            "which": "build", "select": [PROJECT], "exclude": ["tag:manual"], "resource_types": [],
            "exclude_resource_types": [], "indirect_selection": "eager", "selector": None, "state": None,
            "defer": False, "favor_state": False, "full_refresh": False, "fail_fast": False, "empty": False,
            "target": "prod", "threads": THREADS, "vars": {}, "store_failures": False,
            "invocation_command": "dbt build --target prod --select %s --exclude tag:manual" % PROJECT,
            "project_dir": "/usr/app/jaffle_ops", "profiles_dir": "/usr/app/profiles", "log_path":
                "/usr/app/jaffle_ops/logs", "write_json": True, "partial_parse": True, "static_parser": True,
            "print": True, "quiet": False, "log_level": "info", "log_level_file": "debug",
            "log_format": "default", "log_format_file": "debug", "use_colors": False, "use_colors_file": True,
            "printer_width": 80, "version_check": True, "introspect": True, "populate_cache": True,
            "cache_selected_only": False, "macro_debugging": False, "show_resource_report": False,
            "send_anonymous_usage_stats": False, "strict_mode": False, "partial_parse_file_diff": True,
            "warn_error_options": {"error": [], "warn": [], "silence": []},
            "skip_nodes_if_on_run_start_fails": False, "log_file_max_bytes": 10485760,
            "require_explicit_package_overrides_for_builtin_materializations": True,
            "require_resource_names_without_spaces": True, "source_freshness_run_project_hooks": True,
        },
    }
    os.makedirs(OUT, exist_ok=True)
    outputs = {"manifest.json": manifest, "run_results.json": run_results, "sources.json": sources_json(STARTED),
               "catalog.json": catalog_json()}
    for fname, data in outputs.items():
        with open(os.path.join(OUT, fname), "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, sort_keys=False)
            f.write("\n")
    if len(sys.argv) > 2 and sys.argv[1] == "--check":
        check(sys.argv[2], outputs)
    summary(manifest, run_results)


def check(schema_dir, outputs):
    schemas = {"manifest.json": "manifest/v12.json", "run_results.json": "run-results/v6.json",
               "sources.json": "sources/v3.json", "catalog.json": "catalog/v1.json"}
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    for fname, data in outputs.items():
        with open(os.path.join(schema_dir, schemas[fname]), encoding="utf-8") as f:
            schema = json.load(f)
        if jsonschema is None:
            missing = [k for k in schema.get("required", []) if k not in data]
            print("%s: %s" % (fname, "missing %s" % missing if missing else "required keys present"))
            continue
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        print("%s: %d schema errors" % (fname, len(errors)))
        for e in errors[:10]:
            print("   ", list(e.absolute_path), e.message[:300])
        if errors:
            sys.exit(1)


def summary(manifest, run_results):
    counts = {}
    for r in run_results["results"]:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    types = {}
    for n in manifest["nodes"].values():
        types[n["resource_type"]] = types.get(n["resource_type"], 0) + 1
    print("nodes by type:", dict(sorted(types.items())), "sources:", len(manifest["sources"]),
          "exposures:", len(manifest["exposures"]))
    print("results by status:", dict(sorted(counts.items())), "elapsed:", run_results["elapsed_time"])


if __name__ == "__main__":
    main()
