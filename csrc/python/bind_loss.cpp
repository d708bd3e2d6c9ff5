// Fused losses, called by fastgrad.nn.functional.
#include "ops/loss.h"
#include "python/args.h"
#include "python/module.h"

namespace fg::python {

FG_BIND(bind_loss) {
  m.def("_cross_entropy_indices",
        [](const Tensor& logits, const Tensor& target, py::object weight, int64_t ignore_index,
           const std::string& reduction) {
          return ops::cross_entropy_indices(logits, target, optional_tensor(weight), ignore_index, reduction);
        },
        py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("ignore_index") = -100,
        py::arg("reduction") = "mean");
}

}  // namespace fg::python
