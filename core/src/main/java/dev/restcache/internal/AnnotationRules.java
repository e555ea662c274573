package dev.restcache.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The combinations of restcache's annotations that contradict each other, and the message that
 * names the declaration at fault: one definition for the Jakarta REST deployment and the Quarkus
 * build.
 */
public final class AnnotationRules {
  private AnnotationRules() {}

  /**
   * The contradictions of one declaration, each a message naming it; empty when there are none.
   *
   * @param where the declaration, {@code Class.method} or {@code Class}
   * @param cached whether it has {@code @Cached}
   * @param neverCache whether it has {@code @NeverCache}
   * @param isPrivate whether its {@code @CacheControl} says {@code isPrivate}
   * @param isPublic whether its {@code @CacheControl} says {@code isPublic}
   */
  public static List<String> conflicts(
      String where, boolean cached, boolean neverCache, boolean isPrivate, boolean isPublic) {
    List<String> conflicts = new ArrayList<>(2);
    if (cached && neverCache) {
      conflicts.add("restcache: @Cached and @NeverCache on the same declaration: " + where);
    }
    if (isPrivate && isPublic) {
      conflicts.add("restcache: @CacheControl with both isPrivate and isPublic: " + where);
    }
    return conflicts;
  }
}
