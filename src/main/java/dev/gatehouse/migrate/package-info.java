/**
 * Migrating Ingresses (as ingress-nginx serves them) to Gateway API, shaped like ingress2gateway: a provider
 * ({@link NginxProvider}) reads the selected Ingresses through the engine's own reading of ingress-nginx into
 * one intermediate model ({@link MigrationPlan}: Gateway API objects, their provenance and a note for every
 * annotation), an emitter ({@link MigrationYaml}) writes it; {@link BehaviourDiff} then runs a request corpus
 * ({@link RequestCorpus}) through the engine as ingress-nginx answers and as the Gateway answers, and
 * {@link Traps} explains each difference it knows. {@link Migrator} is the one entry point; every result is
 * immutable and nothing here prints.
 */
package dev.gatehouse.migrate;
