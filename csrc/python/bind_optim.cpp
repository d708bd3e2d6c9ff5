// The fused optimizer steps, called by fastgrad.optim.SGD / Adam / AdamW.
#include "ops/optimizer.h"
#include "python/args.h"
#include "python/module.h"

namespace fg::python {

FG_BIND(bind_optim) {
  m.def("_sgd_step",
        [](const TensorList& params, const TensorList& grads, std::vector<py::object> bufs, double lr, double momentum,
           double dampening, double weight_decay, bool nesterov, bool maximize) {
          TensorList b;
          for (auto& h : bufs) b.push_back(optional_tensor(h));
          ops::SgdOptions o{lr, momentum, dampening, weight_decay, nesterov, maximize};
          return ops::sgd_step(params, grads, b, o);
        },
        py::arg("params"), py::arg("grads"), py::arg("momentum_buffers"), py::arg("lr"), py::arg("momentum"),
        py::arg("dampening"), py::arg("weight_decay"), py::arg("nesterov"), py::arg("maximize"));
  m.def("_adam_step",
        [](const TensorList& params, const TensorList& grads, const TensorList& exp_avgs, const TensorList& exp_avg_sqs,
           const TensorList& max_exp_avg_sqs, const std::vector<double>& steps, double lr, double beta1, double beta2,
           double eps, double weight_decay, bool amsgrad, bool maximize, bool decoupled) {
          ops::AdamOptions o{lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled};
          ops::adam_step(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, steps, o);
        },
        py::arg("params"), py::arg("grads"), py::arg("exp_avgs"), py::arg("exp_avg_sqs"), py::arg("max_exp_avg_sqs"),
        py::arg("steps"), py::arg("lr"), py::arg("beta1"), py::arg("beta2"), py::arg("eps"), py::arg("weight_decay"),
        py::arg("amsgrad"), py::arg("maximize"), py::arg("decoupled"));
}

}  // namespace fg::python
