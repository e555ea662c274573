package dev.restcache.testing;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A view of a Hazelcast member or client that records every call made on its maps, and can run an
 * action just before a chosen one: what a store costs in round trips, and a race placed exactly
 * between two of its calls. Each blocking map call is one round trip; {@link Call} also says how
 * many partitions, and how many members owning them, it addressed.
 */
public final class RecordedHazelcast {
  private final HazelcastInstance instance;
  private final HazelcastInstance view;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Runnable> before = new ConcurrentHashMap<>();

  /**
   * One call on a map.
   *
   * @param map the map's name
   * @param method the {@link IMap} method
   * @param partitions the partitions it addressed (every partition for a query or a clear)
   * @param owners the members owning those partitions
   */
  public record Call(String map, String method, int partitions, int owners) {}

  /**
   * @param instance the member or client to record
   */
  public RecordedHazelcast(HazelcastInstance instance) {
    this.instance = instance;
    this.view = proxy(HazelcastInstance.class, new Recorder(instance, null));
  }

  /** {@return the instance to give the code under test} */
  public HazelcastInstance instance() {
    return view;
  }

  /** {@return the calls made so far, in order} */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Forgets the calls made so far. */
  public void reset() {
    calls.clear();
  }

  /**
   * Runs {@code action} once, just before the next call of {@code method} on map {@code map}.
   *
   * @param map the map's name
   * @param method the {@link IMap} method's name
   * @param action what to run first, on the calling thread
   */
  public void before(String map, String method, Runnable action) {
    before.put(map + "#" + method, action);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T)
        Proxy.newProxyInstance(
            RecordedHazelcast.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private Call call(IMap<?, ?> map, Method method, Object[] args) {
    PartitionService partitions = instance.getPartitionService();
    // By id and owner: a client's partitions are not equal to each other by value.
    Map<Integer, Object> owners = new HashMap<>();
    if (args != null && args.length > 0 && args[0] instanceof Set<?> keys) {
      keys.forEach(key -> addressed(owners, partitions.getPartition(key)));
    } else if (args != null && args.length > 0 && isKeyed(method)) {
      addressed(owners, partitions.getPartition(args[0]));
    } else {
      partitions.getPartitions().forEach(partition -> addressed(owners, partition));
    }
    return new Call(
        map.getName(), method.getName(), owners.size(), new HashSet<>(owners.values()).size());
  }

  private static void addressed(Map<Integer, Object> owners, Partition partition) {
    owners.put(partition.getPartitionId(), partition.getOwner());
  }

  // The IMap methods a store uses whose first argument is one key.
  private static boolean isKeyed(Method method) {
    return switch (method.getName()) {
      case "get", "set", "put", "delete", "remove", "containsKey", "putIfAbsent", "executeOnKey" ->
          true;
      default -> false;
    };
  }

  /** Hands out recorded maps, and records the calls on them. */
  private final class Recorder implements InvocationHandler {
    private final Object target;
    private final IMap<?, ?> map;

    Recorder(Object target, IMap<?, ?> map) {
      this.target = target;
      this.map = map;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (map != null && method.getDeclaringClass() != Object.class && reachesCluster(method)) {
        Runnable action = before.remove(map.getName() + "#" + method.getName());
        if (action != null) {
          action.run();
        }
        calls.add(call(map, method, args));
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (map == null && method.getName().equals("getMap")) {
        return proxy(IMap.class, new Recorder(result, (IMap<?, ?>) result));
      }
      return result;
    }

    // Every call but the proxy's own bookkeeping.
    private boolean reachesCluster(Method method) {
      return switch (method.getName()) {
        case "getName", "getServiceName", "getPartitionKey" -> false;
        default -> true;
      };
    }
  }
}
