#include "kernels/gil.h"

#include <Python.h>

namespace fg::kernels {

GilRelease::GilRelease(bool release) {
  if (release && Py_IsInitialized() && PyGILState_Check()) state_ = PyEval_SaveThread();
}

GilRelease::~GilRelease() {
  if (state_) PyEval_RestoreThread(static_cast<PyThreadState*>(state_));
}

}  // namespace fg::kernels
