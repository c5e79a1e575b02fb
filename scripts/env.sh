# Environment for building and testing the playground. Source it:
#   . scripts/env.sh
# RUSTC_BOOTSTRAP=1: lets Debian's stable rustc-web use -Z build-std (wasm threads).
# TRUNK_SKIP_VERSION_CHECK: trunk must not look for newer versions (offline).
# CHROMEDRIVER: wasm-pack/wasm-bindgen-test drive Debian's Chromium.
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
# One target dir per machine, outside the clone: a fresh clone (CI) reuses the
# compiled dependencies and std of earlier runs instead of rebuilding them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/concurrency-playground/target}"

# Cargo's fingerprints do not depend on where a clone lives, so in a shared
# target dir another clone's build of *this* crate could pass for fresh. Tests
# and benchmarks call this first: dependencies stay cached, this crate is
# rebuilt from the sources at hand.
fresh_build_of_this_crate() {
  local target profile
  for target in "" "--target=wasm32-unknown-unknown"; do
    for profile in dev release; do
      cargo clean -q -p concurrency-playground --profile "$profile" $target
    done
  done
}
unset RUSTFLAGS
