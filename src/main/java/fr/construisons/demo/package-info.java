/**
 * The living demo: at the first start of the demo profile, a dozen ideas driven through the
 * engine as the demo users would in Tasklist and the idea box, so a newcomer sees a scheme at
 * work (every stage, an incubation under way, one implemented) instead of empty lists. Owns no
 * table; acts only through the engine's API and the other modules' public services.
 *
 * <p>Depends on {@code idea}, {@code ideabox}, {@code process} (and the element ids of {@code incubation}).
 * Nothing depends on it.
 */
package fr.construisons.demo;
