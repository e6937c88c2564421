# awk -v anchor=REGEX -f request-sql.awk LOG: from a window of PostgreSQL's statement log, the statements of one
# request: the session (backend pid) that logged the anchor statement, from the window's start to the first
# COMMIT after the anchor, leaving out whole transactions that session finished before it (pool reuse). Log
# prefixes are dropped; continuation lines (a tab first) stay with their statement.
function flush_block() { for (i = 1; i <= n; i++) print block[i]; n = 0 }
/^20[0-9][0-9]-/ {
  match($0, /\[[0-9]+\]/)
  pid = substr($0, RSTART + 1, RLENGTH - 2)
  lines[++count] = $0; pids[count] = pid
  if (target == "" && $0 ~ anchor) { target = pid; anchored = count }
  next
}
{ lines[++count] = $0; pids[count] = pids[count - 1] }
END {
  if (target == "") exit 1
  n = 0
  for (k = 1; k <= count; k++) {
    if (pids[k] != target) continue
    line = lines[k]
    sub(/^20[0-9][0-9]-[^]]*\] /, "", line)
    block[++n] = line
    if (line ~ /(execute [^:]*|statement): COMMIT/) {
      if (k < anchored) { n = 0; continue }   # a transaction of this session before the request
      flush_block(); exit 0
    }
  }
  flush_block()
}
