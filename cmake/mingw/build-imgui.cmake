# cmake -DIMGUI_SRC=<Debian's imgui source> -DDEPS=<prefix> -P build-imgui.cmake
# Builds libimgui.a for Windows as Debian's libimgui-dev is built (imgui core, misc/cpp, the
# GLFW and OpenGL 3 backends), but with imgui's bundled stb_truetype/rect_pack (Debian links
# its libstb instead), and libstb.a with stb_image_write's implementation for the GUI's PNGs.
# Writes imgui.pc and stb.pc for the cross build's pkg-config.
set(cxx x86_64-w64-mingw32-g++-posix)
set(ar x86_64-w64-mingw32-gcc-ar-posix)
set(obj ${DEPS}/../imgui-obj)
file(MAKE_DIRECTORY ${obj} ${DEPS}/include/imgui/backends ${DEPS}/lib/pkgconfig)
set(sources imgui.cpp imgui_demo.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp
            misc/cpp/imgui_stdlib.cpp backends/imgui_impl_glfw.cpp backends/imgui_impl_opengl3.cpp)
set(objects)
foreach(s ${sources})
  get_filename_component(n ${s} NAME_WE)
  execute_process(COMMAND ${cxx} -O2 -std=c++17 -I${IMGUI_SRC} -I${DEPS}/include
                          -ffile-prefix-map=${IMGUI_SRC}=imgui -c ${IMGUI_SRC}/${s} -o ${obj}/${n}.o
                  RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "compiling ${s} for Windows failed")
  endif()
  list(APPEND objects ${obj}/${n}.o)
endforeach()
execute_process(COMMAND ${ar} rcsD ${DEPS}/lib/libimgui.a ${objects} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "ar libimgui.a failed")
endif()
file(GLOB headers ${IMGUI_SRC}/*.h ${IMGUI_SRC}/misc/cpp/*.h)
file(COPY ${headers} DESTINATION ${DEPS}/include/imgui)
file(GLOB backend_headers ${IMGUI_SRC}/backends/imgui_impl_glfw.h ${IMGUI_SRC}/backends/imgui_impl_opengl3*.h)
file(COPY ${backend_headers} DESTINATION ${DEPS}/include/imgui/backends)

file(WRITE ${obj}/stb_impl.c "#define STB_IMAGE_WRITE_IMPLEMENTATION\n#include <stb_image_write.h>\n")
execute_process(COMMAND x86_64-w64-mingw32-gcc-posix -O2 -I${DEPS}/include/stb -c ${obj}/stb_impl.c -o ${obj}/stb_impl.o
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "compiling stb_image_write for Windows failed")
endif()
execute_process(COMMAND ${ar} rcsD ${DEPS}/lib/libstb.a ${obj}/stb_impl.o)

file(WRITE ${DEPS}/lib/pkgconfig/stb.pc "prefix=${DEPS}
Name: stb
Description: stb_image_write for Windows (Debian libstb-dev headers)
Version: 0.0
Libs: -L\${prefix}/lib -lstb
Cflags: -I\${prefix}/include/stb
")
file(WRITE ${DEPS}/lib/pkgconfig/imgui.pc "prefix=${DEPS}
Name: imgui
Description: Dear ImGui for Windows, from Debian's imgui source package
Version: 1.86
Requires: stb
Libs: -L\${prefix}/lib -limgui -limm32
Cflags: -I\${prefix}/include/imgui
")
# -lz finds libz.a, not libz.dll.a: cmake/mingw/static-libraries.cmake.
file(WRITE ${DEPS}/lib/pkgconfig/xlsxwriter.pc "prefix=${DEPS}
Name: xlsxwriter
Description: libxlsxwriter for Windows, from Debian's libxlsxwriter source package
Version: 1.1.4
Libs: -L\${prefix}/lib -lxlsxwriter -lz
Cflags: -I\${prefix}/include
")
