package dev.worklane.adapter.out.redis.support;

import org.redisson.config.Config;

/**
 * A copy of a Redisson YAML configuration pointed at one logical database, so a Sentinel,
 * master/replica or single-server file still gets the seed's separate databases (cache 0, sessions
 * 1). Redis Cluster has only database 0: the file is used as it is.
 */
final class DatabaseSelectingConfig extends Config {

  DatabaseSelectingConfig(Config loaded, int database) {
    super(loaded);
    if (getSingleServerConfig() != null) {
      getSingleServerConfig().setDatabase(database);
    } else if (getSentinelServersConfig() != null) {
      getSentinelServersConfig().setDatabase(database);
    } else if (getMasterSlaveServersConfig() != null) {
      getMasterSlaveServersConfig().setDatabase(database);
    } else if (getReplicatedServersConfig() != null) {
      getReplicatedServersConfig().setDatabase(database);
    }
  }
}
