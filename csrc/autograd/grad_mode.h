#pragma once
// Whether ops record a graph. Thread-local, as in torch: no_grad in one thread leaves others alone.
namespace fg {

struct GradMode {
  static bool is_enabled();
  static void set_enabled(bool enabled);
};

// RAII guard: sets grad mode for a scope and restores the previous value.
struct AutoGradMode {
  explicit AutoGradMode(bool enabled) : prev_(GradMode::is_enabled()) { GradMode::set_enabled(enabled); }
  ~AutoGradMode() { GradMode::set_enabled(prev_); }
  AutoGradMode(const AutoGradMode&) = delete;
  AutoGradMode& operator=(const AutoGradMode&) = delete;

 private:
  bool prev_;
};

struct NoGradGuard : AutoGradMode {
  NoGradGuard() : AutoGradMode(false) {}
};

}  // namespace fg
