# Shared by the command-line test scripts (sourced after they set `migc`,
# the migc executable, and `work`, their scratch folder): counted checks and
# a migc runner. Each script ends with the closing line
#   echo "$((checks - failures)) passed, $failures failed"
failures=0
checks=0

check() {  # check NAME COMMAND... : the command must succeed
  local name=$1
  shift
  checks=$((checks + 1))
  if ! "$@"; then
    echo "FAIL: $name"
    failures=$((failures + 1))
  fi
}

run() {  # run EXPECTED_EXIT ARGS...: runs migc, keeps stdout/stderr in $work
  local expected=$1
  shift
  "$migc" "$@" >"$work/out" 2>"$work/err"
  local status=$?
  [ "$status" -eq "$expected" ] || {
    echo "  migc $* exited $status, expected $expected"
    cat "$work/err"
    return 1
  }
}
