# Turns a text file into a C++ header holding it as a raw string literal, at build time:
#   cmake -DINPUT=file.css -DOUTPUT=header.h -DNAME=identifier -P embed_text.cmake
# The header declares `inline constexpr std::string_view NAME` in namespace tfm::embedded.
file(READ "${INPUT}" text)
string(FIND "${text}" ")embedded\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )embedded\"")
endif()
get_filename_component(source_name "${INPUT}" NAME)
set(content "// Generated from ${source_name} by src/render/embed_text.cmake: do not edit.
#pragma once

#include <string_view>

namespace tfm::embedded {

inline constexpr std::string_view ${NAME} = R\"embedded(${text})embedded\";

}  // namespace tfm::embedded
")
file(WRITE "${OUTPUT}" "${content}")
