package dev.restcache.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves {@code {name}} placeholders in tags and paths from the request's path parameters. A
 * placeholder with no such parameter is left as it is, so a typo never widens an eviction.
 */
public final class PathTemplates {
  private PathTemplates() {}

  /** Each template resolved; {@code parameter} returns null for an unknown name. */
  public static Set<String> resolveAll(List<String> templates, Function<String, String> parameter) {
    Set<String> resolved = new LinkedHashSet<>();
    for (String template : templates) {
      resolved.add(resolve(template, parameter));
    }
    return resolved;
  }

  /** One template resolved. */
  public static String resolve(String template, Function<String, String> parameter) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        out.append(template, i, template.length());
        break;
      }
      String name = template.substring(open + 1, close);
      // JAX-RS templates may carry a regex, {id: \d+}; only the name matters here.
      int colon = name.indexOf(':');
      String value = parameter.apply((colon < 0 ? name : name.substring(0, colon)).trim());
      out.append(template, i, open)
          .append(value != null ? value : template.substring(open, close + 1));
      i = close + 1;
    }
    return out.toString();
  }
}
