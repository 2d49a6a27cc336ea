// The Lua script that commits a batch to Redis atomically: it checks that nothing the batch read
// has changed (each value carries the stamp of the commit that wrote it), that the state is the
// one the batch loaded (the epoch), that each partition is where the batch started (so that of two
// workers that both think they own it, one commit wins), and that no event id was applied
// meanwhile; then it writes everything under a new stamp. Keys that only grow (the watermark) are
// merged by maximum rather than checked: every event moves them, and checking them would make
// every pair of concurrent batches collide.
export const COMMIT_SCRIPT = `
local a = ARGV
local pfx = a[1]
if redis.call('GET', pfx .. 'epoch') ~= a[2] then return {'lost'} end
local i = 3
local nr = tonumber(a[i]); i = i + 1
for j = 0, nr - 1 do
  local k = a[i + 2 * j]
  local v = redis.call('GET', pfx .. 's:' .. k)
  local s = '0'
  if v then s = string.sub(v, 1, string.find(v, ' ', 1, true) - 1) end
  if s ~= a[i + 2 * j + 1] then return {'conflict', k} end
end
i = i + 2 * nr
local nw = tonumber(a[i]); i = i + 1; local wi = i; i = i + 2 * nw
local nm = tonumber(a[i]); i = i + 1; local mi = i; i = i + 2 * nm
local np = tonumber(a[i]); i = i + 1; local pi = i; i = i + 3 * np
for j = 0, np - 1 do
  local m = redis.call('HGET', pfx .. 'markers', a[pi + 3 * j]) or '0'
  if m ~= a[pi + 3 * j + 1] then return {'moved', a[pi + 3 * j], m} end
end
local na = tonumber(a[i]); i = i + 1; local ai = i; i = i + na
for j = 0, na - 1 do
  if redis.call('EXISTS', pfx .. 'a:' .. a[ai + j]) == 1 then return {'conflict', 'applied:' .. a[ai + j]} end
end
local attl = a[i]; local bid = a[i + 1]; local payload = a[i + 2]; local pttl = a[i + 3]
local stamp = redis.call('INCR', pfx .. 'stamp')
for j = 0, nw - 1 do
  local k = a[wi + 2 * j]; local v = a[wi + 2 * j + 1]
  if v == '' then redis.call('DEL', pfx .. 's:' .. k) else redis.call('SET', pfx .. 's:' .. k, stamp .. ' ' .. v) end
end
for j = 0, nm - 1 do
  local k = pfx .. 's:' .. a[mi + 2 * j]
  local cur = redis.call('GET', k)
  local cv = nil
  if cur then cv = tonumber(string.sub(cur, string.find(cur, ' ', 1, true) + 1)) end
  if (not cv) or tonumber(a[mi + 2 * j + 1]) > cv then redis.call('SET', k, stamp .. ' ' .. a[mi + 2 * j + 1]) end
end
for j = 0, np - 1 do
  redis.call('HSET', pfx .. 'markers', a[pi + 3 * j], a[pi + 3 * j + 2])
  if bid ~= '' then redis.call('HSET', pfx .. 'pending', a[pi + 3 * j], bid) end
end
for j = 0, na - 1 do redis.call('SET', pfx .. 'a:' .. a[ai + j], '1', 'EX', attl) end
if bid ~= '' then redis.call('SET', pfx .. 'batch:' .. bid, stamp .. ' ' .. payload, 'EX', pttl) end
return {'ok', stamp}
`;
