# What the project's scripts (test.sh, bench.sh, serve.sh) add to a plain shell.
# Not needed by hand: after scripts/setup.sh, `cargo test`, `wasm-pack test
# --headless --chrome` and `trunk serve` work in a fresh shell as they are
# (RUSTC_BOOTSTRAP comes from the debian-web-boot toolchain, the browser tests'
# timeout from .cargo/config.toml [env], chromedriver from PATH).
# CI's PATH may lack ~/.cargo/bin (rustup's cargo, wasm-pack, trunk).
export PATH="$HOME/.cargo/bin:$PATH"
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
      cargo clean -q -p concurrency-playground -p playground-engine --profile "$profile" $target
    done
  done
}
# RUSTFLAGS would replace the wasm32 rustflags of .cargo/config.toml.
unset RUSTFLAGS
