-- Counts per state and the paused flag: {waiting, delayed, active, completed, failed, paused}.
return {redis.call('ZCARD', waitKey), redis.call('ZCARD', delayedKey),
  redis.call('ZCARD', activeKey), redis.call('ZCARD', completedKey),
  redis.call('ZCARD', failedKey), redis.call('HEXISTS', metaKey, 'paused')}
