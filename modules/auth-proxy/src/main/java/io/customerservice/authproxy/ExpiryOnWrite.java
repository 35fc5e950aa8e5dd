package io.customerservice.authproxy;

import com.github.benmanes.caffeine.cache.Expiry;

/** A Caffeine expiry decided when a value is written: a rewrite starts it again, a read leaves it alone. */
interface ExpiryOnWrite<K, V> extends Expiry<K, V> {

  @Override
  default long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
    return expireAfterCreate(key, value, currentTime);
  }

  @Override
  default long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
    return currentDuration;
  }
}
