/** The built-in classification rule packs. */
package dev.dbttriage.rules;
