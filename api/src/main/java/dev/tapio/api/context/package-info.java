/** What enrichment knows about the actor of an event: process lineage, user, container, pod. */
@NullMarked
package dev.tapio.api.context;

import org.jspecify.annotations.NullMarked;
