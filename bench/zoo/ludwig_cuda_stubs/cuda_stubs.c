/* CPU-only stand-ins for the CUDA symbols of the PyPI torchvision/torchaudio wheels: never called on CPU */
long stub_fn_0(void) __asm__("_ZN2at4cuda26getCurrentDevicePropertiesEv");
long stub_fn_0(void) { return 0; }
long stub_fn_1(void) __asm__("_ZN3c104cuda12device_countEv");
long stub_fn_1(void) { return 0; }
long stub_fn_2(void) __asm__("_ZN3c104cuda14ExchangeDeviceEa");
long stub_fn_2(void) { return 0; }
long stub_fn_3(void) __asm__("_ZN3c104cuda14MaybeSetDeviceEa");
long stub_fn_3(void) { return 0; }
long stub_fn_4(void) __asm__("_ZN3c104cuda17getStreamFromPoolEba");
long stub_fn_4(void) { return 0; }
long stub_fn_5(void) __asm__("_ZN3c104cuda17getStreamFromPoolEia");
long stub_fn_5(void) { return 0; }
void *stub_data_6 __asm__("_ZN3c104cuda20CUDACachingAllocator9allocatorE") = 0;
long stub_fn_7(void) __asm__("_ZN3c104cuda20getCurrentCUDAStreamEa");
long stub_fn_7(void) { return 0; }
long stub_fn_8(void) __asm__("_ZN3c104cuda20getDefaultCUDAStreamEa");
long stub_fn_8(void) { return 0; }
long stub_fn_9(void) __asm__("_ZN3c104cuda20setCurrentCUDAStreamENS0_10CUDAStreamE");
long stub_fn_9(void) { return 0; }
long stub_fn_10(void) __asm__("_ZN3c104cuda29c10_cuda_check_implementationEiPKcS2_jb");
long stub_fn_10(void) { return 0; }
long stub_fn_11(void) __asm__("_ZN3c104cuda9GetDeviceEPa");
long stub_fn_11(void) { return 0; }
long stub_fn_12(void) __asm__("_ZN3c104cuda9SetDeviceEab");
long stub_fn_12(void) { return 0; }
long stub_fn_13(void) __asm__("_ZNK3c104cuda10CUDAStream11synchronizeEv");
long stub_fn_13(void) { return 0; }
long stub_fn_14(void) __asm__("_ZNK3c104cuda10CUDAStream5queryEv");
long stub_fn_14(void) { return 0; }
long stub_fn_15(void) __asm__("_ZNK3c104cuda10CUDAStream6streamEv");
long stub_fn_15(void) { return 0; }
long stub_fn_16(void) __asm__("aoti_torch_get_current_cuda_stream");
long stub_fn_16(void) { return 0; }
long stub_fn_17(void) __asm__("torch_c10_cuda_check_msg");
long stub_fn_17(void) { return 0; }
long stub_fn_18(void) __asm__("torch_c10_cuda_free_error_msg");
long stub_fn_18(void) { return 0; }
long stub_fn_19(void) __asm__("torch_cuda_stream_synchronize");
long stub_fn_19(void) { return 0; }
long stub_fn_20(void) __asm__("torch_get_cuda_stream_from_pool");
long stub_fn_20(void) { return 0; }
long stub_fn_21(void) __asm__("torch_set_current_cuda_stream");
long stub_fn_21(void) { return 0; }
