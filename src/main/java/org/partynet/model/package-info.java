/**
 * The one model of the network: the kinds of node, area and organization with their
 * parents, what each organization may govern or cover, the relationship types and link
 * kinds with their Chinese names, the roles, the mutations' names, and the rules every
 * field keeps. Mutations, the importer, the invariants, ids, the API's names and the
 * pages (through {@code query { model }}) read it here; nothing else keeps a copy. It
 * depends on nothing else of the project.
 */
package org.partynet.model;
