/** Small text utilities shared inside the library; not part of its API. */
package dev.dbttriage.internal.text;
