// Fused losses and normalization layers, called by fastgrad.nn.functional.
#include "ops/loss.h"
#include "python/args.h"
#include "python/module.h"

namespace fg::python {

FG_BIND(bind_loss) {
  m.def("_cross_entropy",
        [](const Tensor& input, const Tensor& target, py::object weight, int64_t ignore_index,
           const std::string& reduction, double label_smoothing) {
          return ops::cross_entropy(input, target, optional_tensor(weight), ignore_index, reduction, label_smoothing);
        },
        py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("ignore_index") = -100,
        py::arg("reduction") = "mean", py::arg("label_smoothing") = 0.0);
  m.def("_binary_cross_entropy",
        [](const Tensor& input, const Tensor& target, py::object weight, const std::string& reduction) {
          return ops::binary_cross_entropy(input, target, optional_tensor(weight), reduction);
        },
        py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("reduction") = "mean");
  m.def("_mse_loss", &ops::mse_loss, py::arg("input"), py::arg("target"), py::arg("reduction") = "mean");
  m.def("_embedding",
        [](const Tensor& weight, const Tensor& indices, std::optional<int64_t> padding_idx) {
          return ops::embedding(weight, indices, padding_idx);
        },
        py::arg("weight"), py::arg("indices"), py::arg("padding_idx") = py::none());
  m.def("_layer_norm",
        [](const Tensor& input, py::handle normalized_shape, py::object weight, py::object bias, double eps) {
          return ops::layer_norm(input, dims_from(normalized_shape, "layer_norm"), optional_tensor(weight),
                                 optional_tensor(bias), eps);
        },
        py::arg("input"), py::arg("normalized_shape"), py::arg("weight") = py::none(), py::arg("bias") = py::none(),
        py::arg("eps") = 1e-5);
  m.def("_batch_norm",
        [](const Tensor& input, py::object running_mean, py::object running_var, py::object weight, py::object bias,
           bool training, double momentum, double eps) {
          return ops::batch_norm(input, optional_tensor(running_mean), optional_tensor(running_var),
                                 optional_tensor(weight), optional_tensor(bias), training, momentum, eps);
        },
        py::arg("input"), py::arg("running_mean"), py::arg("running_var"), py::arg("weight") = py::none(),
        py::arg("bias") = py::none(), py::arg("training") = false, py::arg("momentum") = 0.1, py::arg("eps") = 1e-5);
}

}  // namespace fg::python
